using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary>The API reference page is a Development convenience: elsewhere it is not served (the OpenAPI document is).</summary>
public sealed class ApiReferenceEnvironmentTests
{
    [Fact]
    public async Task In_development_the_page_is_served_with_its_own_script()
    {
        using var server = new CaseServerFactory();
        using var client = server.ClientFor(username: null);

        var page = await client.GetAsync("/scalar/");
        var script = await client.GetAsync("/scalar/scalar.js");

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("<script src=\"scalar.js\"></script>", await page.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)script.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_page_is_not_served_but_the_document_is()
    {
        using var server = new CaseServerFactory().InEnvironment("Production").WithAlice();
        using var client = server.ClientFor(username: null);

        Assert.Equal(404, (int)(await client.GetAsync("/scalar/")).StatusCode);
        Assert.Equal(200, (int)(await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
