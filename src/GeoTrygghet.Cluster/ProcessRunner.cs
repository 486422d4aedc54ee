using System.Diagnostics;

using GeoTrygghet.Data;

namespace GeoTrygghet.Cluster;

/// <summary>Runs an external program and returns its exit code and output; throws with context on failure when asked.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, bool inheritOutput = false)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = !inheritOutput,
            RedirectStandardError = !inheritOutput,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi) ?? throw new DatabaseException($"Could not start {file}.");
        var stdout = inheritOutput ? Task.FromResult(string.Empty) : p.StandardOutput.ReadToEndAsync();
        var stderr = inheritOutput ? Task.FromResult(string.Empty) : p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    public static string Check(string what, string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var argList = args.ToList();
        var (code, output) = Run(file, argList, env);
        if (code != 0)
        {
            throw new DatabaseException($"{what} failed ({file} exited with {code}):\n{output.Trim()}");
        }

        return output;
    }
}
