using System;
using GeoTrygghet.Data.Schema;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatrolVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patrol_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    patrol = table.Column<string>(type: "text", nullable: false),
                    hotspot = table.Column<string>(type: "text", nullable: true),
                    arrived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    geom = table.Column<Point>(type: $"geometry(Point,{SchemaSrid.Value})", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrol_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patrol_visits_arrived_at",
                table: "patrol_visits",
                column: "arrived_at");

            migrationBuilder.CreateIndex(
                name: "ix_patrol_visits_geom",
                table: "patrol_visits",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_patrol_visits_source_external_id",
                table: "patrol_visits",
                columns: new[] { "source", "external_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrol_visits");
        }
    }
}
