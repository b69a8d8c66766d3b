using LiteAspire.Hosting;
using LiteAspire.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);

var masterKey = builder.AddParameter("master-key", new GenerateParameterDefault { Prefix = "sk-", MinLength = 32 }, secret: true);

var postgres = builder.AddPostgres("postgres");
var database = postgres.AddDatabase("litellm");
var cache = builder.AddRedis("cache");

var proxy = builder.AddProject("proxy", "../LiteAspire.Proxy")
    .WithHttpEndpoint(port: 4000)
    .WithExternalHttpEndpoints()
    // The proxy's /health is LiteLLM's (authenticated, calls every deployment); its dependency checks live here.
    .WithHttpHealthCheck("/health/dependencies")
    .WithReference(database)
    .WithReference(cache)
    .WithEnvironment("LITELLM_MASTER_KEY", masterKey)
    // The Worker writes spend to the database; the proxy only ships it to the Redis stream.
    .WithEnvironment("Spend__WriteInProxy", "false")
    .WaitFor(database)
    .WaitFor(cache);

builder.AddProject("worker", "../LiteAspire.Worker")
    .WithReference(database)
    .WithReference(cache)
    .WaitFor(database)
    .WaitFor(cache);

builder.AddProject("admin", "../LiteAspire.Admin")
    .WithHttpEndpoint(port: 4001)
    .WithExternalHttpEndpoints()
    .WithReference(proxy)
    .WithEnvironment("LITELLM_MASTER_KEY", masterKey)
    .WaitFor(proxy);

builder.Build().Run();

/// <summary>The AppHost's entry point; tests pass it to DistributedApplicationTestingBuilder.CreateAsync.</summary>
public partial class Program;
