using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ownership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "street_lights",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "reports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "measures",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "incidents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "cameras",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "analysis_runs",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_street_lights_org_id",
                table: "street_lights",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_org_id",
                table: "reports",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "ix_measures_org_id",
                table: "measures",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_org_id",
                table: "incidents",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_org_id",
                table: "cameras",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "ix_analysis_runs_org_id",
                table: "analysis_runs",
                column: "org_id");

            migrationBuilder.AddForeignKey(
                name: "fk_analysis_runs_organisations_org_id",
                table: "analysis_runs",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_cameras_organisations_org_id",
                table: "cameras",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_incidents_organisations_org_id",
                table: "incidents",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_measures_organisations_org_id",
                table: "measures",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_organisations_org_id",
                table: "reports",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_street_lights_organisations_org_id",
                table: "street_lights",
                column: "org_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The second line of the sharing rules (issue #10): every role but the tables' owner (the command line) reads
            // incidents and reports only as the connection's organisation may (gt.org, set when the service connects for
            // a request) or, for the public view's counts, as a whole (gt.scope = aggregate), and only the organisation's
            // own analysis runs. The service connects as such a role, so a query that forgets the event filter's rules
            // still gets no other rows.
            migrationBuilder.Sql("""
                CREATE FUNCTION gt_exact_owners(layer text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
                    SELECT nullif(current_setting('gt.org', true), '')
                    UNION
                    SELECT s.from_org FROM sharing_rules s
                    WHERE s.to_org = current_setting('gt.org', true) AND s.layer = $1 AND s.level = 'exact'
                $$;
                ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
                CREATE POLICY shared_reads ON incidents FOR SELECT TO PUBLIC USING (
                    current_setting('gt.scope', true) = 'aggregate' OR org_id = ANY (ARRAY(SELECT gt_exact_owners('incidents'))));
                ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
                CREATE POLICY shared_reads ON reports FOR SELECT TO PUBLIC USING (
                    current_setting('gt.scope', true) = 'aggregate' OR org_id = ANY (ARRAY(SELECT gt_exact_owners('reports'))));
                ALTER TABLE analysis_runs ENABLE ROW LEVEL SECURITY;
                CREATE POLICY own_runs ON analysis_runs TO PUBLIC
                    USING (org_id = current_setting('gt.org', true)) WITH CHECK (org_id = current_setting('gt.org', true));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY shared_reads ON incidents;
                ALTER TABLE incidents DISABLE ROW LEVEL SECURITY;
                DROP POLICY shared_reads ON reports;
                ALTER TABLE reports DISABLE ROW LEVEL SECURITY;
                DROP POLICY own_runs ON analysis_runs;
                ALTER TABLE analysis_runs DISABLE ROW LEVEL SECURITY;
                DROP FUNCTION gt_exact_owners(text);
                """);
            migrationBuilder.DropForeignKey(
                name: "fk_analysis_runs_organisations_org_id",
                table: "analysis_runs");

            migrationBuilder.DropForeignKey(
                name: "fk_cameras_organisations_org_id",
                table: "cameras");

            migrationBuilder.DropForeignKey(
                name: "fk_incidents_organisations_org_id",
                table: "incidents");

            migrationBuilder.DropForeignKey(
                name: "fk_measures_organisations_org_id",
                table: "measures");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_organisations_org_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_street_lights_organisations_org_id",
                table: "street_lights");

            migrationBuilder.DropIndex(
                name: "ix_street_lights_org_id",
                table: "street_lights");

            migrationBuilder.DropIndex(
                name: "ix_reports_org_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_measures_org_id",
                table: "measures");

            migrationBuilder.DropIndex(
                name: "ix_incidents_org_id",
                table: "incidents");

            migrationBuilder.DropIndex(
                name: "ix_cameras_org_id",
                table: "cameras");

            migrationBuilder.DropIndex(
                name: "ix_analysis_runs_org_id",
                table: "analysis_runs");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "street_lights");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "measures");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "analysis_runs");
        }
    }
}
