using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace CaseServer.Tests.Infrastructure;

/// <summary>Requests as Kibana's clients send them, and their answers as JSON.</summary>
public static class Requests
{
    /// <summary>The example bodies of samples/CaseServer/requests (the README posts them).</summary>
    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "requests", name + ".json"));

    /// <summary><c>POST /api/cases</c> with <c>kbn-xsrf</c> and JSON, as the README's curl sends it.</summary>
    public static Task<HttpResponseMessage> PostCaseAsync(this HttpClient client, string body, string? contentType = "application/json", bool xsrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (xsrf)
        {
            request.Headers.TryAddWithoutValidation("kbn-xsrf", "true");
        }

        return client.SendAsync(request);
    }

    /// <summary>The answer's status code and JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} answered a body that is not JSON: '{text}'", e);
        }
    }

    /// <summary>POSTs <paramref name="body"/> and reads the answer.</summary>
    public static async Task<(int Status, JsonElement Body)> CreateAsync(this HttpClient client, string body)
        => await (await client.PostCaseAsync(body)).ReadAsync();
}
