using System.CommandLine;
using System.Globalization;
using GeoTrygghet.Core.Access;
using GeoTrygghet.Data.Access;
using GeoTrygghet.Data.Retention;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt retention apply [--report-text-days N] [--visit-days N] [--dry-run]</c> (issue #10): removes the free text of
/// EST reports and the patrol visits older than their retention age — the options, else <c>retention</c> in
/// <c>geotrygghet.json</c>, else 365 days for report texts and 90 for visits — and logs what it did in the audit log.
/// </summary>
internal static class RetentionCommand
{
    public const int DefaultReportTextDays = 365;
    public const int DefaultVisitDays = 90;

    public static Command Create()
    {
        var texts = new Option<int?>("--report-text-days") { Description = $"keep report texts this many days after the report (default: geotrygghet.json's retention.reportTextDays, else {DefaultReportTextDays})" };
        var visits = new Option<int?>("--visit-days") { Description = $"keep patrol visits this many days (default: geotrygghet.json's retention.visitDays, else {DefaultVisitDays})" };
        var dryRun = new Option<bool>("--dry-run") { Description = "only count what would be purged" };
        var apply = new Command("apply", "Purge report free text and patrol visits older than their retention age; logged in the audit.") { texts, visits, dryRun };
        apply.SetAction(parse => CliRun.Guard(() =>
        {
            var configured = DeploymentConfig.Retention();
            var textDays = Checked(parse.GetValue(texts) ?? configured.ReportTextDays ?? DefaultReportTextDays, "--report-text-days");
            var visitDays = Checked(parse.GetValue(visits) ?? configured.VisitDays ?? DefaultVisitDays, "--visit-days");
            var cs = CliRun.Database();
            var purged = RetentionStore.Apply(cs, textDays, visitDays, parse.GetValue(dryRun));
            var what = string.Create(CultureInfo.InvariantCulture, $"report texts older than {textDays} days: {purged.ReportTexts}; patrol visits older than {visitDays} days: {purged.Visits}");
            if (parse.GetValue(dryRun))
            {
                Console.WriteLine($"Would purge {what} (--dry-run: nothing changed).");
                return;
            }

            AuditLog.Append(cs, [new AuditEntry(AuditEntry.CommandLineUser, null, "retention", "reports, patrol_visits", Detail: "purged " + what)]);
            Console.WriteLine($"Purged {what}.");
        }));
        var command = new Command("retention", "What is kept only for a while: report free text and patrol visits (issue #10).");
        command.Add(apply);
        return command;
    }

    private static int Checked(int days, string option) =>
        days is >= 1 and <= 36500 ? days : throw new FormatException($"{option} {days} is not a number of days from 1 to 36500");
}
