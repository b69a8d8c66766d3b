using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Health;

using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Startup;

public sealed class ConfigFileStartupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-config-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_folder.FullName, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Start_ConfigFilePathWithEnvironmentVariables_CopiesThemIntoTheProcessAndResolvesMasterKey()
    {
        // A name no other test or machine uses: the process environment is shared by every test.
        var variable = $"LITEASPIRE_TEST_{Guid.NewGuid():N}";
        var path = WriteConfig($"""
            environment_variables:
              {variable}: sk-from-environment-variables
            general_settings:
              master_key: os.environ/{variable}
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
            """);
        await using var factory = new ProxyFactory(new Dictionary<string, string?> { ["CONFIG_FILE_PATH"] = path });

        var response = await factory.CreateClient().GetAsync(new Uri("/health/liveliness", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sk-from-environment-variables", Environment.GetEnvironmentVariable(variable));
        var config = factory.Services.GetRequiredService<ProxyConfig>();
        Assert.Equal(path, config.SourcePath);
        Assert.Equal("gpt-4o", Assert.Single(config.ModelList).ModelName);
        var masterKey = factory.Services.GetRequiredService<MasterKey>();
        Assert.Equal("sk-from-environment-variables", masterKey.Value);
        Assert.Equal("general_settings.master_key", masterKey.Source);
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task Start_ConfigDatabaseUrlToSqlite_ReadinessReportsConnectedAndFileExists()
    {
        var database = Path.Combine(_folder.FullName, "state", "litellm.db");
        var path = WriteConfig($"""
            general_settings:
              database_url: "sqlite:///{database}"
            """);
        await using var factory = new ProxyFactory(new Dictionary<string, string?> { ["config"] = path });
        var client = factory.CreateClient();

        var readiness = await client.GetAsync(new Uri("/health/readiness", UriKind.Relative));
        var health = await client.GetAsync(new Uri(LiteLLMHealthEndpoints.DependenciesPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        using var body = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync());
        Assert.Equal("connected", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("connected", body.RootElement.GetProperty("db").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(database));
    }
}
