using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoTrygghet.Data.Schema;

/// <summary>
/// The PostGIS schema: snake_case names, a GiST index on every geometry, a unique (source,
/// external_id) on every imported table so imports are upserts. Geometry columns carry the
/// deployment's analysis SRID (<see cref="SchemaSrid"/>; SWEREF 99 TM unless configured).
/// </summary>
public sealed class GeoTrygghetDbContext(DbContextOptions<GeoTrygghetDbContext> options) : DbContext(options)
{
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<StreetLight> StreetLights => Set<StreetLight>();
    public DbSet<Camera> Cameras => Set<Camera>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<BasemapFeature> BasemapFeatures => Set<BasemapFeature>();
    public DbSet<DeploymentSetting> DeploymentSettings => Set<DeploymentSetting>();
    public DbSet<DataChange> DataChanges => Set<DataChange>();
    public DbSet<AnalysisRun> AnalysisRuns => Set<AnalysisRun>();
    public DbSet<AnalysisFeature> AnalysisFeatures => Set<AnalysisFeature>();
    public DbSet<PatrolVisit> PatrolVisits => Set<PatrolVisit>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<UserToken> UserTokens => Set<UserToken>();
    public DbSet<SharingRule> SharingRules => Set<SharingRule>();
    public DbSet<PromiseRecord> Promises => Set<PromiseRecord>();

    public static DbContextOptions<GeoTrygghetDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<GeoTrygghetDbContext>()
            .UseNpgsql(connectionString, o => o.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            // The model snapshot was made with EPSG:3006; a deployment made with another analysis CRS differs from it
            // only in the SRID of its geometry columns, which the migrations take from SchemaSrid. That is not a
            // pending change to the schema.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options;

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasPostgresExtension("postgis");
        var srid = SchemaSrid.Value;
        Imported(b.Entity<Incident>(), "incidents", $"geometry(Point,{srid})", e =>
        {
            e.HasIndex(x => x.TimeFrom);
            Owned(e);
            e.ToTable(t => t.HasCheckConstraint("ck_incidents_time_span", "time_to IS NULL OR time_to >= time_from"));
        });
        Imported(b.Entity<Report>(), "reports", $"geometry(Point,{srid})", e =>
        {
            e.HasIndex(x => x.TimeFrom);
            Owned(e);
            e.ToTable(t => t.HasCheckConstraint("ck_reports_time_span", "time_to IS NULL OR time_to >= time_from"));
            e.ToTable(t => t.HasCheckConstraint("ck_reports_category", "category IN ('vandalism','graffiti','littering','broken_light','gathering','unsafe_place','other')"));
        });
        Imported(b.Entity<StreetLight>(), "street_lights", $"geometry(Point,{srid})", e =>
        {
            e.Property(x => x.StatusChanges).HasColumnType("jsonb");
            Owned(e);
            e.ToTable(t => t.HasCheckConstraint("ck_street_lights_status", "status IN ('working','out','removed')"));
        });
        Imported(b.Entity<Camera>(), "cameras", $"geometry(Point,{srid})", Owned);
        Imported(b.Entity<Measure>(), "measures", $"geometry(Geometry,{srid})", e =>
        {
            Owned(e);
            e.ToTable(t => t.HasCheckConstraint("ck_measures_type", "type IN ('lighting','camera','vegetation','presence','neighbourhood_watch','other')"));
        });
        Imported(b.Entity<Area>(), "areas", $"geometry(MultiPolygon,{srid})", e => e.HasIndex(x => new { x.Kind, x.Year }));
        b.Entity<BasemapFeature>(e =>
        {
            e.ToTable("basemap_features");
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.Property(x => x.Geom).HasColumnType($"geometry(Geometry,{srid})");
            e.HasIndex(x => x.Geom).HasMethod("gist");
        });
        b.Entity<AnalysisRun>(e =>
        {
            e.ToTable("analysis_runs");
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Filters).HasColumnType("jsonb");
            e.Property(x => x.Report).HasColumnType("jsonb");
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PromiseRecord>(e =>
        {
            e.ToTable("promises");
            e.HasKey(x => x.Id);
            e.Property(x => x.Document).HasColumnType("jsonb");
            e.Property(x => x.ImportedAt).HasDefaultValueSql("now()");
        });

        b.Entity<PatrolVisit>(e =>
        {
            e.ToTable("patrol_visits");
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.HasIndex(x => x.ArrivedAt);
            e.Property(x => x.Geom).HasColumnType($"geometry(Point,{srid})");
            e.HasIndex(x => x.Geom).HasMethod("gist");
            e.Property(x => x.ImportedAt).HasDefaultValueSql("now()");
        });
        b.Entity<AnalysisFeature>(e =>
        {
            e.ToTable("analysis_features");
            e.HasIndex(x => x.RunId);
            e.Property(x => x.Geom).HasColumnType($"geometry(Geometry,{srid})");
            e.HasIndex(x => x.Geom).HasMethod("gist");
            e.Property(x => x.Properties).HasColumnType("jsonb");
            e.HasOne<AnalysisRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        // One row per committed change of a layer: caches (tile ETags) key on the latest change.
        b.Entity<DataChange>(e =>
        {
            e.ToTable("data_changes");
            e.HasIndex(x => new { x.Layer, x.ChangedAt });
        });
        b.Entity<DeploymentSetting>(e =>
        {
            e.ToTable("deployment_settings");
            e.HasKey(x => x.Key);
        });

        // Who is looking (issue #10): organisations, their users, the users' bearer tokens and the sharing rules.
        b.Entity<Organisation>(e =>
        {
            e.ToTable("organisations", t => t.HasCheckConstraint("ck_organisations_kind", "kind IN ('police','municipality','partner')"));
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        });
        b.Entity<UserAccount>(e =>
        {
            e.ToTable("users", t => t.HasCheckConstraint("ck_users_role", "role IN ('analyst','coordinator','partner')"));
            e.HasKey(x => x.Name);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrgId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        });
        b.Entity<UserToken>(e =>
        {
            e.ToTable("user_tokens");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.UserName);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserName).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        });
        b.Entity<SharingRule>(e =>
        {
            e.ToTable("sharing_rules", t =>
            {
                t.HasCheckConstraint("ck_sharing_rules_layer", "layer IN ('incidents','reports')");
                t.HasCheckConstraint("ck_sharing_rules_level", "level IN ('exact','aggregate','none')");
                t.HasCheckConstraint("ck_sharing_rules_other", "from_org <> to_org");
            });
            e.HasKey(x => new { x.FromOrg, x.ToOrg, x.Layer });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrg).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrg).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        });
    }

    // The owning organisation of an imported row (issue #10); an organisation that owns rows cannot be removed.
    private static void Owned<T>(EntityTypeBuilder<T> e)
        where T : class
    {
        e.HasIndex("OrgId");
        e.HasOne<Organisation>().WithMany().HasForeignKey("OrgId").OnDelete(DeleteBehavior.Restrict);
    }

    private static void Imported<T>(EntityTypeBuilder<T> e, string table, string geometryType, Action<EntityTypeBuilder<T>> more)
        where T : class
    {
        e.ToTable(table);
        e.HasIndex("Source", "ExternalId").IsUnique();
        e.Property("Geom").HasColumnType(geometryType);
        e.HasIndex("Geom").HasMethod("gist");
        e.Property<DateTimeOffset>("ImportedAt").HasDefaultValueSql("now()");
        more(e);
    }
}
