using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoTrygghet.Data.Migrations
{
    /// <summary>
    /// The audit log (issue #10): who read which layer or collection, which area and period, which export, and who
    /// imported, deleted or changed access, when. Append-only: a trigger refuses every UPDATE, DELETE and TRUNCATE, and the
    /// service's role is granted nothing but INSERT on it (and SELECT with every table). Kept out of the EF model: nothing
    /// reads it through change tracking.
    /// </summary>
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE audit_log (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    user_name text NULL,
                    org_id text NULL,
                    action text NOT NULL CONSTRAINT ck_audit_log_action
                        CHECK (action IN ('read', 'export', 'analyse', 'import', 'delete', 'access', 'sign_in', 'sign_in_failed', 'sign_out', 'retention')),
                    target text NOT NULL,
                    area text NULL,
                    period text NULL,
                    detail text NULL
                );
                CREATE INDEX ix_audit_log_at ON audit_log (at);
                CREATE INDEX ix_audit_log_user_name_at ON audit_log (user_name, at);
                CREATE FUNCTION gt_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION gt_audit_append_only();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION gt_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE audit_log; DROP FUNCTION gt_audit_append_only();");
        }
    }
}
