using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// What every request passes before it reaches an endpoint, because the service holds police incident data:
/// <list type="bullet">
/// <item>its <c>Host</c> must be one the service answers to (<see cref="AllowedHosts"/>), so a page on another site cannot
/// reach it through DNS rebinding (a name of theirs that resolves to 127.0.0.1);</item>
/// <item>a request that changes anything (not GET, HEAD or OPTIONS) must be JSON (<c>application/json</c>, which a
/// cross-site form cannot send without a CORS preflight the service never grants) and, when the browser says where it
/// comes from (<c>Origin</c>, <c>Sec-Fetch-Site</c>), come from the service's own pages;</item>
/// <item>a query string longer than <see cref="ServerOptions.MaxQueryLength"/> is refused (414): filters are short, and
/// long ones would only fill the tile cache.</item>
/// </list>
/// Every answer carries headers that keep browsers from sniffing types, framing the viewer or loading scripts from
/// elsewhere.
/// </summary>
public static class RequestGuard
{
    /// <summary>
    /// The viewer loads everything from the service itself; styles are also set inline by OpenLayers and the charts, and
    /// the PNG export draws through data: and blob: URLs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "*", "+"];

    /// <summary>
    /// The host names the service answers to: the loopback names, the hosts named in <c>--urls</c> (not the wildcard
    /// addresses) and those given with <c>--allowed-hosts</c>.
    /// </summary>
    public static IReadOnlySet<string> AllowedHosts(ServerOptions options)
    {
        var hosts = new HashSet<string>(LoopbackNames, StringComparer.OrdinalIgnoreCase);
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HostOf(url) is { } host && !Wildcards.Contains(host))
            {
                hosts.Add(host);
            }
        }

        foreach (var host in options.AllowedHosts ?? [])
        {
            hosts.Add(host.Trim());
        }

        return hosts;
    }

    /// <summary>The host part of a listening address such as <c>http://0.0.0.0:5080</c> or <c>http://[::1]:5080/</c>.</summary>
    public static string? HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : null;
        }

        var colon = rest.LastIndexOf(':');
        var host = colon >= 0 ? rest[..colon] : rest;
        return host.Length > 0 ? host : null;
    }

    /// <summary>
    /// The addresses in <c>--urls</c> that other machines can reach: anything but a loopback address or localhost (a host
    /// name, 0.0.0.0, [::], * or + binds to every interface or to whatever the name resolves to).
    /// </summary>
    public static List<string> NotLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => HostOf(url) is not { } host
                || !(host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                     || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip))))
            .ToList();

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app, ServerOptions options)
    {
        var allowed = AllowedHosts(options);
        return app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";

            if (Refusal(http, allowed, options) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }

            await next(http);
        });
    }

    private static IResult? Refusal(HttpContext http, IReadOnlySet<string> allowed, ServerOptions options)
    {
        var request = http.Request;
        if (!request.Host.HasValue || !allowed.Contains(request.Host.Host))
        {
            return Results.Problem($"This service does not answer to the host '{request.Host.Host}'; it answers to {string.Join(", ", allowed.Order(StringComparer.Ordinal))} (gt serve --allowed-hosts adds names).",
                statusCode: StatusCodes.Status400BadRequest, title: "Unknown host");
        }

        // An identity provider's answer (an encrypted code and the state) is longer than any filter.
        var maxQuery = request.Path.Equals(OidcSettings.CallbackPath, StringComparison.Ordinal) ? 16 * 1024 : options.MaxQueryLength;
        if (request.QueryString.HasValue && request.QueryString.Value!.Length > maxQuery)
        {
            return Results.Problem(string.Create(CultureInfo.InvariantCulture, $"The query is {request.QueryString.Value.Length:N0} characters long; at most {maxQuery:N0} are accepted."),
                statusCode: StatusCodes.Status414UriTooLong, title: "Query too long");
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem("A request that changes anything must send its body as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !origin.Equals(own, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem($"A request from the origin '{origin}' may not change anything on this service; only its own pages ({own}) may.",
                statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused");
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return origin.Length == 0 && site.Length > 0 && site is not ("same-origin" or "none")
            ? Results.Problem($"A {site} request may not change anything on this service.", statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused")
            : null;
    }
}
