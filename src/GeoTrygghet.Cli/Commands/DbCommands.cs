using System.CommandLine;
using System.Text.Json;
using GeoTrygghet.Data;
using GeoTrygghet.Cluster;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt db up|down|status</c>: the project's PostGIS and its schema.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Start, stop and inspect the PostGIS database (the project's own, or GEOTRYGGHET_DB).");

        var up = new Command("up", "Install PostgreSQL 15 + PostGIS 3 if missing, start the project's cluster on 127.0.0.1, apply the schema, print the connection string.");
        up.SetAction(_ => CliRun.Guard(() =>
        {
            var cs = Up(Console.Error);
            Console.WriteLine(cs);
            return CliRun.Ok;
        }));

        var down = new Command("down", "Stop the project's PostgreSQL cluster.");
        down.SetAction(_ => CliRun.Guard(() =>
        {
            if (ConnectionResolver.FromEnvironment)
            {
                Console.Error.WriteLine($"{ConnectionResolver.EnvironmentVariable} is set: that database is not the project's to stop.");
                return CliRun.Ok;
            }

            new LocalCluster(Console.Error).Down();
            return CliRun.Ok;
        }));

        var json = new Option<bool>("--json") { Description = "Print as JSON: the connection string and the row count of every table." };
        var status = new Command("status", "Show the connection string and the row count of every table.") { json };
        status.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var counts = SchemaManager.Counts(cs);
            if (parse.GetValue(json))
            {
                var doc = new Dictionary<string, object>
                {
                    ["connection_string"] = cs,
                    ["analysis_srid"] = SchemaManager.AnalysisSrid(cs),
                    ["tables"] = counts.ToDictionary(c => c.Table, c => c.Rows),
                };
                Console.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Console.WriteLine($"database: {ConnectionResolver.Redacted(cs)}");
                Console.WriteLine($"analysis CRS: EPSG:{SchemaManager.AnalysisSrid(cs)}");
                foreach (var (table, rows) in counts)
                {
                    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {table,-18} {rows,10:N0}"));
                }
            }

            return CliRun.Ok;
        }));

        db.Add(up);
        db.Add(down);
        db.Add(status);
        return db;
    }

    /// <summary>Starts (or, with GEOTRYGGHET_DB, just prepares) the database and applies the schema.</summary>
    public static string Up(TextWriter log)
    {
        string cs;
        if (ConnectionResolver.FromEnvironment)
        {
            cs = ConnectionResolver.Resolve();
            // Npgsql's own default: a connection string without a database means the user's.
            var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
            if (ConnectionResolver.AdminFromEnvironment(b.Database ?? b.Username ?? string.Empty) is { } admin)
            {
                SchemaManager.InstallPostgis(admin);
                if (b.Username is { Length: > 0 } owner)
                {
                    Data.Access.ServiceRole.Create(admin, owner);
                }
            }
        }
        else
        {
            cs = new LocalCluster(log).Up();
        }

        var applied = SchemaManager.Migrate(cs);
        log.WriteLine(applied.Count > 0 ? $"Applied the schema ({string.Join(", ", applied)}) to {SchemaManager.Describe(cs)}." : $"The schema of {SchemaManager.Describe(cs)} is up to date.");
        return cs;
    }
}
