using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Data;

namespace GeoTrygghet.Cli.Commands;

/// <summary>Runs a command body and turns the errors a user can act on into one clear line and exit code 2.</summary>
internal static class CliRun
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Failed = 2;

    /// <summary>
    /// How every command line is parsed: without response files, so an argument starting with @ is a value like any
    /// other and never the name of a file whose lines become arguments (the map service passes request values on).
    /// </summary>
    public static System.CommandLine.ParserConfiguration Parser { get; } = new() { ResponseFileTokenReplacer = null };

    public static int Guard(Action body) => CliRun.Guard(() =>
    {
        body();
        return Ok;
    });

    /// <summary>The database of a command, checked to have PostGIS and the current schema.</summary>
    public static string Database()
    {
        var cs = ConnectionResolver.Resolve();
        GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
        return cs;
    }

    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is DatabaseException or GeoTrygghet.Application.Access.AccessException or ImportFormatException or UnknownCrsException or FormatException or IOException or UnauthorizedAccessException or ConfigException
            or GeoTrygghet.Analysis.AnalysisException or GeoTrygghet.Core.Evaluation.EvaluationException or GeoTrygghet.Application.Reporting.ReportException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // A database error the command did not expect: say what the server said, not a stack.
            Console.Error.WriteLine($"error: the database answered: {e.Message}");
            if (Environment.GetEnvironmentVariable("GEOTRYGGHET_TRACE") == "1")
            {
                Console.Error.WriteLine(e);
            }

            return Failed;
        }
    }
}
