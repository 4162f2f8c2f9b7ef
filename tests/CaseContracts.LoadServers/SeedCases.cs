using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CaseContracts.LoadServers;

/// <summary>
/// <c>seed &lt;base-url&gt; &lt;count&gt; &lt;tags&gt; &lt;out-file&gt;</c>: creates <c>count</c> cases on a running CaseServer
/// (the API page's example, titled <c>seeded n</c>, tagged <c>tag-(n mod tags)</c>), 32 requests at a time, and
/// writes one line <c>id version</c> per case: what build/load.sh's find and patch workloads start from.
/// Credentials come from <c>LOAD_AUTHORIZATION</c>, as for wrk.
/// </summary>
internal static class SeedCases
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || !int.TryParse(args[2], out var count) || !int.TryParse(args[3], out var tags) || count < 1 || tags < 1)
        {
            Console.Error.WriteLine("usage: CaseContracts.LoadServers seed <base-url> <count> <tags> <out-file>");
            return 2;
        }

        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "bodies", "api-page-example.json")))!.AsObject();
        using var client = new HttpClient { BaseAddress = new Uri(args[1]), Timeout = TimeSpan.FromSeconds(60) };
        var authorization = Environment.GetEnvironmentVariable("LOAD_AUTHORIZATION");
        if (!string.IsNullOrEmpty(authorization))
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        client.DefaultRequestHeaders.Add("kbn-xsrf", "true");
        var seeded = new ConcurrentDictionary<int, string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var body = (JsonObject)example.DeepClone();
                body["title"] = "seeded " + n;
                body["tags"] = new JsonArray("tag-" + (n % tags));
                using var response = await client.PostAsync("/api/cases", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"creating case {n}: {(int)response.StatusCode} {text}");
                }

                using var created = JsonDocument.Parse(text);
                seeded[n] = created.RootElement.GetProperty("id").GetString() + " " + created.RootElement.GetProperty("version").GetString();
            }
        })));

        await File.WriteAllLinesAsync(args[4], Enumerable.Range(0, count).Select(n => seeded[n]));
        return 0;
    }
}
