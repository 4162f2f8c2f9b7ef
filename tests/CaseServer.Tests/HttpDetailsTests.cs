using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// HTTP as Kibana speaks it: case-sensitive routes, compressed request bodies (the limit applying to what they
/// inflate to), and answers a browser or a cache cannot misuse.
/// </summary>
public sealed class HttpDetailsTests : System.IDisposable
{
    private readonly CaseServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/API/CASES")]
    [InlineData("/api/Cases")]
    public async Task Routes_match_case_sensitively_as_kibanas_router_does(string path)
    {
        var request = Post(Encoding.UTF8.GetBytes(Requests.Example("none")), encoding: null);
        request.RequestUri = new System.Uri(path, System.UriKind.Relative);

        var (status, body) = await (await _server.ClientFor().SendAsync(request)).ReadAsync();

        Assert.Equal(404, status);
        Assert.Equal("Not Found", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_get_with_the_route_in_another_case_is_404_too()
    {
        var (status, _) = await (await _server.ClientFor().GetAsync("/API/cases/some-id")).ReadAsync();

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData("GZIP")]
    public async Task A_compressed_body_is_decompressed_and_the_case_created(string encoding)
    {
        var json = Encoding.UTF8.GetBytes(Requests.Example("none"));
        var compressed = encoding.ToLowerInvariant() switch
        {
            "gzip" => HostileBodies.Gzip(json),
            "deflate" => HostileBodies.Zlib(json),
            _ => HostileBodies.Brotli(json),
        };

        var (status, body) = await (await _server.ClientFor().SendAsync(Post(compressed, encoding))).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal("Port scan from an internal host", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_compressed_body_is_validated_like_any_other()
    {
        var (status, body) = await (await _server.ClientFor().SendAsync(Post(HostileBodies.Gzip(HostileBodies.NumericTags()), "gzip"))).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal(101, body.GetProperty("attributes").GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_kibibyte_of_gzip_that_inflates_to_100_MiB_is_413()
    {
        var bomb = HostileBodies.GzipBomb(100L * 1024 * 1024);
        Assert.InRange(bomb.Length, 1, 200 * 1024);

        var (status, body) = await (await _server.ClientFor().SendAsync(Post(bomb, "gzip"))).ReadAsync();

        Assert.Equal(413, status);
        Assert.Equal("Payload content length greater than maximum allowed: 1048576", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bytes_that_are_not_gzip_sent_as_gzip_are_400_not_a_server_error()
    {
        var (status, body) = await (await _server.ClientFor().SendAsync(Post(Encoding.UTF8.GetBytes(Requests.Example("none")), "gzip"))).ReadAsync();

        Assert.Equal(400, status);
        Assert.Equal("The request body is not valid gzip data.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("compress")]
    [InlineData("gzip, br")]
    public async Task Any_other_content_encoding_is_415(string encoding)
    {
        var (status, body) = await (await _server.ClientFor().SendAsync(Post(Encoding.UTF8.GetBytes(Requests.Example("none")), encoding))).ReadAsync();

        Assert.Equal(415, status);
        Assert.StartsWith("Unsupported Content-Encoding", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Identity_encoding_is_the_body_as_sent()
    {
        var (status, _) = await (await _server.ClientFor().SendAsync(Post(Encoding.UTF8.GetBytes(Requests.Example("none")), "identity"))).ReadAsync();

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("/api/cases", true, 200)]
    [InlineData("/api/cases", false, 401)]
    [InlineData("/api/cases/unknown", true, 404)]
    [InlineData("/nowhere", true, 404)]
    public async Task Every_answer_says_nosniff_and_no_store(string path, bool signedIn, int expectedStatus)
    {
        var client = signedIn ? _server.ClientFor() : _server.ClientFor(username: null);
        var response = path == "/api/cases"
            ? await client.PostCaseAsync(Requests.Example("none"))
            : await client.GetAsync(path);

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task A_400_says_nosniff_and_no_store_too()
    {
        var response = await _server.ClientFor().PostCaseAsync("{}");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static HttpRequestMessage Post(byte[] body, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (encoding is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        }

        request.Headers.TryAddWithoutValidation("kbn-xsrf", "true");
        return request;
    }
}
