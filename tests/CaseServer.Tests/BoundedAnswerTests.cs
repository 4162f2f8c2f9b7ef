using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// An error answer costs the server little whatever the body: at most 100 errors (configurable), each value
/// truncated, a message and a body that never grow past 64 KiB (issue 12: a 1 MiB body once got a 60 MB 400).
/// </summary>
public sealed class BoundedAnswerTests : System.IDisposable
{
    private const int MaxErrorBody = 64 * 1024;

    private readonly CaseServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_megabyte_of_numeric_tags_gets_a_400_of_at_most_64_KiB_with_100_errors_and_a_note_of_the_rest()
    {
        var (status, bytes, body) = await PostAsync(HostileBodies.NumericTags());

        Assert.Equal(400, status);
        Assert.InRange(bytes, 1, MaxErrorBody);
        var errors = body.GetProperty("attributes").GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(101, errors.Count);
        Assert.All(errors.Take(100), e => Assert.StartsWith("/tags/", e.GetProperty("path").GetString()));
        Assert.Equal("errorLimit", errors[100].GetProperty("keyword").GetString());
        Assert.Matches("52390[01] more errors were not reported", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_megabyte_of_unknown_keys_gets_a_400_of_at_most_64_KiB()
    {
        var (status, bytes, body) = await PostAsync(HostileBodies.UnknownKeys());

        Assert.Equal(400, status);
        Assert.InRange(bytes, 1, MaxErrorBody);
        Assert.Equal(101, body.GetProperty("attributes").GetProperty("errors").GetArrayLength());
        Assert.StartsWith("invalid keys \"k0,k1,", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_keys_with_very_long_names_of_control_characters_still_get_at_most_64_KiB()
    {
        var (status, bytes, body) = await PostAsync(HostileBodies.LongUnknownKeys());

        Assert.Equal(400, status);
        Assert.InRange(bytes, 1, MaxErrorBody);
        Assert.All(body.GetProperty("attributes").GetProperty("errors").EnumerateArray(), e => Assert.InRange(e.GetProperty("path").GetString()!.Length, 1, 257));
    }

    [Fact]
    public async Task The_number_of_errors_reported_is_configured_by_MaxErrors()
    {
        using var server = new CaseServerFactory().With("CaseServer:MaxErrors", "5");

        var response = await server.ClientFor().SendAsync(Post(HostileBodies.NumericTags()));
        var (status, body) = await response.ReadAsync();

        Assert.Equal(400, status);
        var errors = body.GetProperty("attributes").GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(6, errors.Count);
        Assert.Matches("^52399[56] more errors were not reported \\(the first 5 are\\)\\.$", errors[5].GetProperty("message").GetString());
    }

    private async Task<(int Status, int Bytes, JsonElement Body)> PostAsync(byte[] body)
    {
        var response = await _server.ClientFor().SendAsync(Post(body));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, bytes.Length, JsonDocument.Parse(bytes).RootElement.Clone());
    }

    private static HttpRequestMessage Post(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("kbn-xsrf", "true");
        return request;
    }
}
