using LiteAspire.Proxy.Providers.VertexAI;

namespace LiteAspire.Proxy.Tests.Providers.VertexAI;

public class VertexAIEndpointTests
{
    [Fact]
    public void Url_RegionalLocation_UsesRegionalHost()
    {
        Assert.Equal("https://us-central1-aiplatform.googleapis.com/v1/projects/p1/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent",
            VertexAIEndpoint.Url(null, "p1", "us-central1", "gemini-2.5-pro", "generateContent"));
    }

    [Fact]
    public void Url_GlobalLocation_UsesGlobalHost()
    {
        Assert.Equal("https://aiplatform.googleapis.com/v1/projects/p1/locations/global/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
            VertexAIEndpoint.Url(null, "p1", "global", "gemini-2.5-pro", "streamGenerateContent?alt=sse"));
    }

    [Fact]
    public void Url_ApiBaseNamingTheModel_AppendsMethodOnly()
    {
        Assert.Equal("https://gateway.example/v1/projects/p1/locations/us-east1/publishers/google/models/gemini-2.5-pro:generateContent",
            VertexAIEndpoint.Url("https://gateway.example/v1/projects/p1/locations/us-east1/publishers/google/models/gemini-2.5-pro/", "ignored", "ignored", "x", "generateContent"));
    }
}
