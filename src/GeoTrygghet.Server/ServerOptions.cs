namespace GeoTrygghet.Server;

/// <summary>
/// How the service runs: the address (loopback unless configured otherwise), the zoom from which point
/// layers are sent point by point, and public mode, in which sensitive layers are served only as
/// counts per cell at every zoom.
/// </summary>
public sealed record ServerOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public int DetailZoom { get; init; } = 14;

    /// <summary>At most this many points in a detail tile; a denser tile is sent as counts per cell (keeps tiles under ~500 KB).</summary>
    public int DetailFeatureBudget { get; init; } = 5000;

    /// <summary>Serve only the public view: no sign-in, events only as counts per cell (<c>gt serve --public</c>).</summary>
    public bool PublicMode { get; init; }

    /// <summary>
    /// The addresses of TLS-terminating reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (the
    /// client's address, https); empty: the headers are ignored, whoever sends them.
    /// </summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>Sign-in through the organisations' identity provider (OpenID Connect); null: only the service's own accounts.</summary>
    public Security.OidcSettings? Oidc { get; init; }

    /// <summary>Mark the session cookie Secure even on plain HTTP: behind a TLS-terminating proxy that does not say so in X-Forwarded-Proto.</summary>
    public bool SecureCookies { get; init; }

    /// <summary>The public view's cell size in metres (at least <see cref="Public.PublicCells.MinCellMetres"/>).</summary>
    public double PublicCellMetres { get; init; } = 250;

    /// <summary>The public view shows a count only from this many events on ("färre än 5" below).</summary>
    public int PublicMinCount { get; init; } = 5;

    public required string ConnectionString { get; init; }

    /// <summary>The database's analysis CRS when already known; otherwise <see cref="Crs"/> reads it from the database.</summary>
    public int? AnalysisSrid { get; init; }

    private AnalysisCrs? _crs;

    /// <summary>The analysis CRS every query and answer of the service uses, read once.</summary>
    public AnalysisCrs Crs => _crs ??= new AnalysisCrs(ConnectionString, AnalysisSrid);

    public string? StaticFolder { get; init; }

    /// <summary>Host names the service answers to besides loopback and those in <see cref="Urls"/> (a name or address clients use).</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>The largest request body accepted (413 above it): a drawn area of the most vertices is well under it.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1_000_000;

    /// <summary>The longest query string accepted (414 above it).</summary>
    public int MaxQueryLength { get; init; } = 2_000;

    /// <summary>How long a request may take before its work is cancelled and it is answered with 503 (analyses have their own limit).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
