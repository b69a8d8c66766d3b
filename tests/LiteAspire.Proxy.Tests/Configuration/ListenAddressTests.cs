using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Tests.Configuration;

public class ListenAddressTests
{
    private static IConfiguration CommandLine(params string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();

    [Fact]
    public void FromConfiguration_PortGiven_ListensOnAllInterfacesLikeLiteLLM()
    {
        Assert.Equal("http://0.0.0.0:4000", ListenAddress.FromConfiguration(CommandLine("--config", "c.yaml", "--port", "4000")));
    }

    [Fact]
    public void FromConfiguration_PortAndHostGiven_UsesBoth()
    {
        Assert.Equal("http://127.0.0.1:4001", ListenAddress.FromConfiguration(CommandLine("--host", "127.0.0.1", "--port", "4001")));
    }

    [Fact]
    public void FromConfiguration_Ipv6Host_IsBracketed()
    {
        Assert.Equal("http://[::1]:4000", ListenAddress.FromConfiguration(CommandLine("--host", "::1", "--port", "4000")));
    }

    [Fact]
    public void FromConfiguration_NoPort_LeavesAspNetCoreUrlsAlone()
    {
        Assert.Null(ListenAddress.FromConfiguration(CommandLine("--host", "127.0.0.1")));
    }

    [Fact]
    public void FromConfiguration_PortNotANumber_FailsClearly()
    {
        var error = Assert.Throws<ProxyConfigException>(() => ListenAddress.FromConfiguration(CommandLine("--port", "http")));

        Assert.Contains("--port", error.Message, StringComparison.Ordinal);
    }
}
