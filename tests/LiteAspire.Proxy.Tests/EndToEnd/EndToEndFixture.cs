using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Providers;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>
/// The fake upstream (every provider's wire format) on a loopback port, and the real proxy in memory with one chat and
/// one embedding deployment per <see cref="NativeProviders.All"/> row pointed at it.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string MasterKey = "sk-master-e2e-1234";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-e2e-");

    public FakeProviderServer Fake { get; private set; } = null!;

    public ProxyFactory Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeProviderApp.StartAsync();
        var credentials = Path.Combine(_folder.FullName, "vertex-service-account.json");
        await File.WriteAllTextAsync(credentials, ServiceAccountJson(new Uri(Fake.BaseAddress, "token")));
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, Config(Fake.BaseAddress.ToString(), credentials));
        Proxy = new ProxyFactory(new Dictionary<string, string?> { ["CONFIG_FILE_PATH"] = config });
        AssertEveryRowHasAnAdapter(Proxy.Services.GetRequiredService<ProviderRegistry>());
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>A row in <see cref="NativeProviders.All"/> without a registered adapter is a failure, never a skip.</summary>
    private static void AssertEveryRowHasAnAdapter(ProviderRegistry registry)
    {
        foreach (var provider in NativeProviders.All)
        {
            if (registry.Chat(provider.ChatPrefix) is null)
            {
                throw new InvalidOperationException($"NativeProviders.All lists '{provider.Name}' but no chat adapter is registered for '{provider.ChatPrefix}'");
            }

            if (provider.EmbeddingPrefix is { } prefix && registry.Embedding(prefix) is null)
            {
                throw new InvalidOperationException($"NativeProviders.All lists '{provider.Name}' embeddings but no embedding adapter is registered for '{prefix}'");
            }
        }
    }

    private static string Config(string fake, string vertexCredentials)
    {
        var yaml = new StringBuilder();
        yaml.Append("general_settings:\n  master_key: ").Append(MasterKey).Append('\n');
        // The SDKs' own retries would hide a failing call; the router's are off too so a failure shows at once.
        yaml.Append("router_settings:\n  num_retries: 0\n");
        yaml.Append("model_list:\n");
        foreach (var provider in NativeProviders.All)
        {
            AppendDeployment(yaml, provider.ChatModel, provider.ChatParams);
            if (provider.EmbeddingParams is { } embedding)
            {
                AppendDeployment(yaml, provider.EmbeddingModel, embedding);
            }
        }

        return yaml.ToString().Replace("$FAKE", fake, StringComparison.Ordinal).Replace("$VERTEX_CREDENTIALS", vertexCredentials, StringComparison.Ordinal);
    }

    private static void AppendDeployment(StringBuilder yaml, string modelName, string litellmParams) =>
        yaml.Append("  - model_name: ").Append(modelName).Append("\n    litellm_params: ").Append(litellmParams).Append('\n');

    /// <summary>A service account with a fresh RSA key whose token_uri is the fake's <c>/token</c>, so the real OAuth2 JWT-bearer flow runs locally.</summary>
    internal static string ServiceAccountJson(Uri tokenUri)
    {
        using var key = RSA.Create(2048);
        return new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "fake-project",
            ["private_key_id"] = "e2e0123456789abcdef",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "liteaspire-e2e@fake-project.iam.gserviceaccount.com",
            ["client_id"] = "100000000000000000001",
            ["token_uri"] = tokenUri.ToString(),
        }.ToJsonString();
    }
}

/// <summary>One fake upstream and one proxy for every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndProxy : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end-to-end";
}
