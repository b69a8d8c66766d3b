using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Tests.Pipeline;

public sealed class UpstreamHttpTests
{
    [Theory]
    [InlineData("http://ollama/v1/chat/completions", true)]
    [InlineData("https+http://ollama/api/chat", true)]
    [InlineData("https+http://models.internal.example/v1", true)]
    [InlineData("http://fakeprovider:8080/v1/chat/completions", true)]
    [InlineData("https://api.openai.com/v1/chat/completions", false)]
    [InlineData("http://127.0.0.1:9999/v1/chat/completions", false)]
    [InlineData("http://[::1]:9999/v1/chat/completions", false)]
    [InlineData("http://localhost:11434/api/chat", false)]
    [InlineData("https://my-resource.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", false)]
    public void NeedsServiceDiscovery_OnlyForHostsThatCanBeServiceNames(string url, bool expected)
    {
        Assert.Equal(expected, UpstreamHttp.NeedsServiceDiscovery(new Uri(url)));
    }
}
