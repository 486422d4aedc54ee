using System;
using Microsoft.EntityFrameworkCore.Migrations;
using GeoTrygghet.Data.Schema;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "areas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    geom = table.Column<MultiPolygon>(type: $"geometry(MultiPolygon,{SchemaSrid.Value})", nullable: false),
                    safety_score = table.Column<double>(type: "double precision", nullable: true),
                    respondents = table.Column<int>(type: "integer", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_areas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "basemap_features",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Geometry>(type: $"geometry(Geometry,{SchemaSrid.Value})", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_basemap_features", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Point>(type: $"geometry(Point,{SchemaSrid.Value})", nullable: false),
                    direction_deg = table.Column<double>(type: "double precision", nullable: true),
                    fov_deg = table.Column<double>(type: "double precision", nullable: true),
                    range_m = table.Column<double>(type: "double precision", nullable: true),
                    hours_start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    hours_end = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    permit_ref = table.Column<string>(type: "text", nullable: true),
                    installed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cameras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    layer = table.Column<string>(type: "text", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deployment_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deployment_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    crime_code = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: true),
                    category_group = table.Column<string>(type: "text", nullable: false),
                    time_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    geom = table.Column<Point>(type: $"geometry(Point,{SchemaSrid.Value})", nullable: false),
                    accuracy_m = table.Column<double>(type: "double precision", nullable: true),
                    location_name = table.Column<string>(type: "text", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                    table.CheckConstraint("ck_incidents_time_span", "time_to IS NULL OR time_to >= time_from");
                });

            migrationBuilder.CreateTable(
                name: "measures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Geometry>(type: $"geometry(Geometry,{SchemaSrid.Value})", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    assets = table.Column<string[]>(type: "text[]", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measures", x => x.id);
                    table.CheckConstraint("ck_measures_type", "type IN ('lighting','camera','vegetation','presence','neighbourhood_watch','other')");
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    reporter_role = table.Column<string>(type: "text", nullable: true),
                    text = table.Column<string>(type: "text", nullable: true),
                    time_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    geom = table.Column<Point>(type: $"geometry(Point,{SchemaSrid.Value})", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.CheckConstraint("ck_reports_category", "category IN ('vandalism','graffiti','littering','broken_light','gathering','unsafe_place','other')");
                    table.CheckConstraint("ck_reports_time_span", "time_to IS NULL OR time_to >= time_from");
                });

            migrationBuilder.CreateTable(
                name: "street_lights",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Point>(type: $"geometry(Point,{SchemaSrid.Value})", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    status_changes = table.Column<string>(type: "jsonb", nullable: false),
                    lamp_type = table.Column<string>(type: "text", nullable: true),
                    lumen = table.Column<double>(type: "double precision", nullable: true),
                    watt = table.Column<double>(type: "double precision", nullable: true),
                    height_m = table.Column<double>(type: "double precision", nullable: true),
                    installed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_street_lights", x => x.id);
                    table.CheckConstraint("ck_street_lights_status", "status IN ('working','out','removed')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_areas_geom",
                table: "areas",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_areas_kind_year",
                table: "areas",
                columns: new[] { "kind", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_areas_source_external_id",
                table: "areas",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_basemap_features_geom",
                table: "basemap_features",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_basemap_features_source_external_id",
                table: "basemap_features",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cameras_geom",
                table: "cameras",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_source_external_id",
                table: "cameras",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_changes_layer_changed_at",
                table: "data_changes",
                columns: new[] { "layer", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_category_group",
                table: "incidents",
                column: "category_group");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_geom",
                table: "incidents",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_source_external_id",
                table: "incidents",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_incidents_time_from",
                table: "incidents",
                column: "time_from");

            migrationBuilder.CreateIndex(
                name: "ix_measures_geom",
                table: "measures",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_measures_source_external_id",
                table: "measures",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_geom",
                table: "reports",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_reports_source_external_id",
                table: "reports",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_time_from",
                table: "reports",
                column: "time_from");

            migrationBuilder.CreateIndex(
                name: "ix_street_lights_geom",
                table: "street_lights",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_street_lights_source_external_id",
                table: "street_lights",
                columns: new[] { "source", "external_id" },
                unique: true);

            // The SRID the geometry columns were created with; commands refuse a configuration that differs.
            migrationBuilder.Sql($"INSERT INTO deployment_settings (key, value) VALUES ('analysis_srid', '{SchemaSrid.Value}')");

            // A lamp's status history as periods [valid_from, valid_to) for lighting analyses. Before the
            // first recorded change the lamp is taken as working since installation (or always).
            migrationBuilder.Sql(@"
CREATE VIEW street_light_status_periods AS
WITH changes AS (
    SELECT l.id AS light_id, (c->>'date')::date AS changed_on, c->>'status' AS status
    FROM street_lights l, jsonb_array_elements(l.status_changes) c
), ordered AS (
    SELECT light_id, changed_on, status,
           lead(changed_on) OVER (PARTITION BY light_id ORDER BY changed_on) AS next_on
    FROM changes
)
SELECT l.id AS light_id, 'working'::text AS status, l.installed_on AS valid_from,
       (SELECT min(changed_on) FROM changes c WHERE c.light_id = l.id) AS valid_to
FROM street_lights l
WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.light_id = l.id AND c.changed_on <= coalesce(l.installed_on, '-infinity'::date))
  AND (EXISTS (SELECT 1 FROM changes c WHERE c.light_id = l.id) OR l.status = 'working')
UNION ALL
SELECT light_id, status, changed_on, next_on FROM ordered
UNION ALL
SELECT l.id, l.status, l.installed_on, NULL
FROM street_lights l
WHERE l.status <> 'working' AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.light_id = l.id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS street_light_status_periods;");
            migrationBuilder.DropTable(
                name: "areas");

            migrationBuilder.DropTable(
                name: "basemap_features");

            migrationBuilder.DropTable(
                name: "cameras");

            migrationBuilder.DropTable(
                name: "data_changes");

            migrationBuilder.DropTable(
                name: "deployment_settings");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "measures");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "street_lights");
        }
    }
}
