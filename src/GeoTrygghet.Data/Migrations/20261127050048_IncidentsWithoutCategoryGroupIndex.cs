using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentsWithoutCategoryGroupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every query filters "category_group = ANY(..) OR category = ANY(..)", which an index on
            // the group alone cannot serve; it only cost imports time (0.6 s per million rows).
            migrationBuilder.DropIndex(
                name: "ix_incidents_category_group",
                table: "incidents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_incidents_category_group",
                table: "incidents",
                column: "category_group");
        }
    }
}
