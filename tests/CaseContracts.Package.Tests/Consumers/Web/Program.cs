// Program.cs of the fresh web project in the package test (copied over the `dotnet new web` template):
// POST /api/cases served with the types CaseContracts generated from contract/ and a small in-memory handler.
using System.Collections.Concurrent;
using WebConsumer;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var cases = new ConcurrentDictionary<string, Case>();

// The handler a user writes: a valid request in, the created case out.
Case CreateCase(CreateCaseRequest request)
{
    var created = new Case
    {
        Id = Guid.NewGuid().ToString(),
        Version = "WzEsMV0=",
        Comments = [],
        TotalComment = 0,
        Title = request.Title,
        Description = request.Description,
        Tags = request.Tags,
        ClosedAt = null,
        ClosedBy = null,
        CreatedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        CreatedBy = new User { Username = "elastic", FullName = null, Email = null },
        ExternalService = null,
        Status = CaseStatus.Open,
        UpdatedAt = null,
        UpdatedBy = null,
        Connector = request.Connector,
        Settings = request.Settings,
    };
    cases[created.Id] = created;
    return created;
}

// The one generated call that maps POST /api/cases (declared by x-operation in the request schema, a copy of the
// repository's contract in tests/data/x-operation-contract):
// content type, body limit, one-pass parse and validation, Kibana's 400 body, then the handler.
app.MapCreateCase((request, context, cancellationToken) => ValueTask.FromResult<EndpointResult<Case>>(CreateCase(request)));

app.Run();
