using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// Debian's <c>chromium</c> (installed by <c>build/chromium.sh</c>, which <c>build/test.sh</c> runs), headless, on a
/// throwaway profile: loads a page, lets its scripts run (a virtual-time budget), and returns the DOM they built
/// and every URL the page requested (read from Chromium's NetLog). Host names other than 127.0.0.1 resolve to
/// nothing, so a page that reaches for the internet fails to, and the NetLog still says it tried.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Opens <paramref name="url"/> and returns its DOM once its scripts ran, and the URLs the page itself requested.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> PageRequests)> OpenAsync(Uri url)
    {
        var binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("No chromium: run `bash build/chromium.sh` (build/test.sh does).");
        using var profile = new TemporaryDirectory();
        var netLog = profile.File("netlog.json");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile.File("profile"),
            // The browser's own traffic (updates, sync, accounts…) is not the page's: turned off where it can be.
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
            "--disable-features=AutofillServerCommunication,SpellcheckService,OptimizationHints,MediaRouter",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--log-net-log=" + netLog, "--virtual-time-budget=30000", "--dump-dom", url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium could not be started.");
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 2 minutes:\n" + await errors);
        }

        return (await dom, PageRequests(await File.ReadAllTextAsync(netLog), url));
    }

    /// <summary>
    /// The URLs of the requests the page made: NetLog's URL_REQUEST_START_JOB events whose network isolation key is
    /// the page's site (the browser's own requests have another, or none).
    /// </summary>
    private static List<string> PageRequests(string netLogJson, Uri page)
    {
        // Chromium ends the file with "]}" only when it exits cleanly; be lenient about a missing end.
        var text = netLogJson.TrimEnd();
        if (!text.EndsWith('}'))
        {
            text = text.TrimEnd(',') + "]}";
        }

        using var log = JsonDocument.Parse(text);
        var startJob = log.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var site = page.Scheme + "://" + page.Host;
        var urls = new List<string>();
        foreach (var entry in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (entry.GetProperty("type").GetInt32() == startJob
                && entry.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("url", out var requested)
                && parameters.TryGetProperty("network_isolation_key", out var key)
                && key.GetString()!.Split(' ').Contains(site))
            {
                urls.Add(requested.GetString()!);
            }
        }

        return urls;
    }
}
