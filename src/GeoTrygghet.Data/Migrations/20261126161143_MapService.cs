using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <inheritdoc />
    public partial class MapService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The view sector of each camera as a polygon in the analysis CRS: from the camera, an arc
            // of 16 segments between direction ± fov/2 at the camera's range (angles clockwise from
            // north, as the register gives them); a full circle for a field of view of 360°.
            migrationBuilder.Sql(@"
CREATE VIEW camera_view_sectors AS
SELECT c.id AS camera_id, c.owner, c.range_m, c.fov_deg,
       CASE WHEN c.fov_deg >= 360 THEN ST_Buffer(c.geom, c.range_m, 16)
            ELSE ST_SetSRID(ST_MakePolygon(ST_MakeLine(
                   ARRAY[c.geom]
                   || ARRAY(SELECT ST_SetSRID(ST_MakePoint(
                              ST_X(c.geom) + c.range_m * sin(radians(c.direction_deg - c.fov_deg / 2 + c.fov_deg * k / 16.0)),
                              ST_Y(c.geom) + c.range_m * cos(radians(c.direction_deg - c.fov_deg / 2 + c.fov_deg * k / 16.0))), ST_SRID(c.geom))
                            FROM generate_series(0, 16) k ORDER BY k)
                   || ARRAY[c.geom])), ST_SRID(c.geom)) END AS geom
FROM cameras c
WHERE c.direction_deg IS NOT NULL AND c.fov_deg > 0 AND c.range_m > 0;");

            // Every committed change tells listeners (the map service's tile cache) at once.
            migrationBuilder.Sql(@"
CREATE FUNCTION notify_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('gt_data_changes', NEW.layer || ':' || NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER data_changes_notify AFTER INSERT ON data_changes FOR EACH ROW EXECUTE FUNCTION notify_data_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS data_changes_notify ON data_changes; DROP FUNCTION IF EXISTS notify_data_change(); DROP VIEW IF EXISTS camera_view_sectors;");


        }
    }
}
