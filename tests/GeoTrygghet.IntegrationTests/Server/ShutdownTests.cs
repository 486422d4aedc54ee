using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// <c>gt serve</c> stops within seconds of SIGTERM even while heavy requests run (the probe's service ran on for
/// minutes), and says so on its way out.
/// </summary>
public sealed class ShutdownTests(DemoTownDatabase demo) : IClassFixture<DemoTownDatabase>
{
    [Fact]
    public async Task Sigterm_stops_the_service_within_seconds_while_requests_are_running()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";
        // A home without maps/ serves the layers without building the viewer.
        var home = Directory.CreateTempSubdirectory("gt-home-");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "gt.dll"), "serve", "--urls", url })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GEOTRYGGHET_DB"] = demo.ConnectionString;
        psi.Environment["GEOTRYGGHET_HOME"] = home.FullName;
        using var serve = Process.Start(psi)!;
        var output = serve.StandardOutput.ReadToEndAsync();
        var errors = serve.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var ready = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var probe = await http.GetAsync($"{url}/ogc/conformance");
                    if (probe.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (ready.Elapsed < TimeSpan.FromSeconds(60) && !serve.HasExited)
                {
                }

                if (serve.HasExited)
                {
                    Assert.Fail($"gt serve exited before it answered: {await errors}");
                }

                await Task.Delay(250);
            }

            // Uncached overlay answers take seconds each; they are in flight when the signal comes.
            var inFlight = Enumerable.Range(0, 4).Select(i => http.GetAsync($"{url}/overlay/areas?areas=all&from=2023-0{i + 1}-01")).ToList();
            await Task.Delay(500);
            var stopping = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await Task.WhenAny(serve.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(serve.HasExited, "gt serve still ran 20 s after SIGTERM");
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(12), $"gt serve took {stopping.Elapsed.TotalSeconds:0.0} s to stop");
            foreach (var request in inFlight)
            {
                try
                {
                    (await request).Dispose();
                }
                catch (HttpRequestException)
                {
                }
            }
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }

            home.Delete(recursive: true);
        }
    }
}
