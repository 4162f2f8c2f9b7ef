using System;
using System.Linq;
using System.Threading.Tasks;
using CaseServer.Tests.Infrastructure;
using Xunit;

namespace CaseServer.Tests;

/// <summary><c>GET /api/cases/status</c> (and, beside it, the literal routes next to <c>/api/cases/{case_id}</c>).</summary>
public sealed class CaseSummaryTests : IDisposable
{
    private readonly CaseServerFactory _server = new CaseServerFactory();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Status_counts_the_cases_of_each_status()
    {
        var client = _server.ClientFor();
        await client.CreateCaseAsync();
        await client.CreateCaseAsync();

        var (status, counts) = await (await client.GetAsync("/api/cases/status")).ReadAsync();

        Assert.Equal(200, status);
        Assert.Equal(["count_open_cases", "count_in_progress_cases", "count_closed_cases"], counts.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 0, 0), (counts.GetProperty("count_open_cases").GetInt32(), counts.GetProperty("count_in_progress_cases").GetInt32(), counts.GetProperty("count_closed_cases").GetInt32()));
    }

    [Fact]
    public async Task Status_without_credentials_is_401()
    {
        var response = await _server.ClientFor(username: null).GetAsync("/api/cases/status");

        Assert.Equal(401, (int)response.StatusCode);
    }
}
