using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Tests.Configuration;

public class MasterKeyTests
{
    private static IConfiguration Environment(string? masterKey) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LITELLM_MASTER_KEY"] = masterKey }).Build();

    private static ProxyConfig FileWith(string? masterKey) =>
        new() { GeneralSettings = new GeneralSettings { MasterKey = masterKey } };

    [Fact]
    public void Resolve_FileAndEnvironmentBothSet_FileWins()
    {
        var key = MasterKey.Resolve(FileWith("sk-file"), Environment("sk-env"));

        Assert.Equal("sk-file", key.Value);
        Assert.Equal("general_settings.master_key", key.Source);
    }

    [Fact]
    public void Resolve_OnlyEnvironmentSet_UsesLiteLLMMasterKey()
    {
        var key = MasterKey.Resolve(FileWith(null), Environment("sk-env"));

        Assert.Equal("sk-env", key.Value);
        Assert.Equal("LITELLM_MASTER_KEY", key.Source);
    }

    [Fact]
    public void Resolve_NeitherSet_IsNone()
    {
        var key = MasterKey.Resolve(FileWith(null), Environment(null));

        Assert.False(key.IsSet);
        Assert.Null(key.Value);
    }

    [Fact]
    public void ToString_KeySet_NeverShowsTheKey()
    {
        var key = MasterKey.Resolve(FileWith("sk-very-secret"), Environment(null));

        Assert.DoesNotContain("sk-very-secret", key.ToString(), StringComparison.Ordinal);
    }
}
