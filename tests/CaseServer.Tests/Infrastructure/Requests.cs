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

    /// <summary>
    /// A request with <paramref name="method"/> to <paramref name="path"/>, a JSON <paramref name="body"/> when given, and
    /// <c>kbn-xsrf</c> unless <paramref name="xsrf"/> is false (what a Kibana client sends on every non-GET request).
    /// </summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? body = null, bool xsrf = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        if (xsrf)
        {
            request.Headers.TryAddWithoutValidation("kbn-xsrf", "true");
        }

        return client.SendAsync(request);
    }

    /// <summary>The answer's status code and its body, empty or JSON (a 204 has none).</summary>
    public static async Task<(int Status, JsonElement? Body)> ReadMaybeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Creates a case from <paramref name="example"/> (a body of samples/CaseServer/requests), changed by <paramref name="change"/>; its JSON.</summary>
    public static async Task<JsonElement> CreateCaseAsync(this HttpClient client, string example = "none", Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(Example(example), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.AsObject();
        change?.Invoke(body);
        var (status, created) = await client.CreateAsync(body.ToJsonString());
        if (status != 200)
        {
            throw new InvalidOperationException($"creating a case answered {status}: {created}");
        }

        return created;
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
