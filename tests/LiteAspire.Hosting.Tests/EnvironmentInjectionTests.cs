using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Testing;
using Npgsql;

namespace LiteAspire.Hosting.Tests;

public class EnvironmentInjectionTests
{
    [Fact]
    public async Task WithReference_DatabaseCacheServiceAndParameter_InjectsAspireVariablesThatWork()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:api-key"] = "sk-from-configuration";
        var key = builder.AddParameter("api-key", secret: true);
        var database = builder.AddPostgres("pg").AddDatabase("litellm");
        var cache = builder.AddRedis("cache");
        var backend = builder.AddTestService("backend").WithReplicas(2);
        builder.AddTestService("frontend")
            .WithReference(database)
            .WithReference(cache)
            .WithReference(backend)
            .WithEnvironment("API_KEY", key)
            .WithEnvironment("PLAIN", "value")
            .WaitFor(database)
            .WaitFor(cache)
            .WaitFor(backend);
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitForResourceHealthyAsync("frontend");

        var environment = await app.GetEnvironmentAsync("frontend");

        Assert.Equal(app.GetConnectionString("litellm"), environment["ConnectionStrings__litellm"]);
        Assert.Equal(app.GetConnectionString("cache"), environment["ConnectionStrings__cache"]);
        Assert.Equal(app.GetEndpoint("backend").ToString().TrimEnd('/'), environment["services__backend__http__0"]);
        Assert.StartsWith("http://127.0.0.1:", environment["services__backend__http__1"], StringComparison.Ordinal);
        Assert.NotEqual(environment["services__backend__http__0"], environment["services__backend__http__1"]);
        Assert.Equal("sk-from-configuration", environment["API_KEY"]);
        Assert.Equal("value", environment["PLAIN"]);
        Assert.Equal("frontend", environment["OTEL_SERVICE_NAME"]);

        // The injected connection string reaches a real database that the AppHost created.
        await using var connection = new NpgsqlConnection(environment["ConnectionStrings__litellm"]);
        await connection.OpenAsync();
        Assert.Equal("litellm", connection.Database);

        // Both replicas of the backend answer on the ports given to the frontend.
        using var http = new HttpClient();
        foreach (var variable in new[] { "services__backend__http__0", "services__backend__http__1" })
        {
            var response = await http.GetAsync(new Uri(environment[variable] + "/health"));
            Assert.True(response.IsSuccessStatusCode, variable);
        }
    }

    [Fact]
    public async Task GeneratedParameter_SecondRunOnSameState_KeepsTheSameValue()
    {
        var first = DistributedApplicationTestingBuilder.Create();
        first.Options.DeleteStateDirectoryOnDispose = false;
        var firstKey = first.AddParameter("master-key", new GenerateParameterDefault { Prefix = "sk-", MinLength = 32 }, secret: true);
        var stateDirectory = first.Options.StateDirectory!;
        string firstValue;
        await using (var app = await first.BuildAsync())
        {
            await app.StartAsync();
            firstValue = firstKey.Resource.Value;
        }

        var second = DistributedApplicationTestingBuilder.Create();
        second.Options.StateDirectory = stateDirectory;
        var secondKey = second.AddParameter("master-key", new GenerateParameterDefault { Prefix = "sk-", MinLength = 32 }, secret: true);
        await using (var app = await second.BuildAsync())
        {
            await app.StartAsync();
            Assert.Equal(firstValue, secondKey.Resource.Value);
            var stored = Path.Combine(stateDirectory, "parameters.json");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        }

        Assert.Matches("^sk-[A-Za-z0-9]{32}$", firstValue);
    }
}
