using System.Diagnostics;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>Runs the real <c>gt</c> command line (the built gt.dll beside the tests) against a test database.</summary>
public static class GtProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static Result Run(string connectionString, params string[] args) => RunWith(connectionString, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run"/>, with <paramref name="input"/> on standard input (e.g. --password-stdin).</summary>
    public static Result RunWithInput(string connectionString, string input, params string[] args) => RunWith(connectionString, new Dictionary<string, string>(), args, input);

    /// <summary>As <see cref="Run"/>, with environment variables set for the command (e.g. GEOTRYGGHET_CONFIG).</summary>
    public static Result RunWith(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args) => RunWith(connectionString, environment, args, null);

    private static Result RunWith(string connectionString, IReadOnlyDictionary<string, string> environment, string[] args, string? input)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gt.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GEOTRYGGHET_DB"] = connectionString;
        psi.Environment["GEOTRYGGHET_HOME"] = RepositoryRoot;
        psi.Environment.Remove("GEOTRYGGHET_CONFIG");
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }
        using var p = Process.Start(psi)!;
        if (input is not null)
        {
            p.StandardInput.Write(input);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GeoTrygghet.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The tests do not run inside a GeoTrygghet checkout.");
        }
    }

    /// <summary>The shared real data folder beside the checkout (../shared/data).</summary>
    public static string SharedData => Path.Combine(RepositoryRoot, "..", "shared", "data");
}
