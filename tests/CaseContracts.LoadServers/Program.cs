using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CaseContracts.LoadServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: CaseContracts.LoadServers <contender> [--urls http://127.0.0.1:<port>]   (default: a free loopback port)
//        CaseContracts.LoadServers free-port                                    (prints a free loopback port)
//        CaseContracts.LoadServers seed <base-url> <count> <tags> <out-file>     (creates cases on a CaseServer: SeedCases)
// A started server prints "listening on <url>" once it accepts requests (for a run by hand). build/load.sh
// passes --urls with a port from free-port, as it does for the CaseServer contender, which prints no address.
if (args.FirstOrDefault() == "free-port")
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
    return 0;
}

if (args.FirstOrDefault() == "seed")
{
    return await SeedCases.RunAsync(args);
}

if (args.Length == 0 || !Contenders.ByName.TryGetValue(args[0], out var contender))
{
    Console.Error.WriteLine($"usage: CaseContracts.LoadServers <{string.Join("|", Contenders.ByName.Keys)}|free-port> [--urls http://127.0.0.1:<port>]");
    return 2;
}

var serverArgs = args.Skip(1).ToArray();
var builder = WebApplication.CreateSlimBuilder(serverArgs);
builder.Logging.ClearProviders();
if (!serverArgs.Contains("--urls"))
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

contender.ConfigureServices(builder.Services);
var app = builder.Build();
contender.MapEndpoint(app);

await app.StartAsync();
var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
Console.WriteLine("listening on " + addresses.First());
await app.WaitForShutdownAsync();
return 0;
