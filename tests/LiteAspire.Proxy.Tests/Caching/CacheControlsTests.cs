using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Tests.Caching;

public sealed class CacheControlsTests
{
    [Fact]
    public void Read_AllControls_AreRead()
    {
        var request = JsonNode.Parse("""{"caching":true,"cache":{"ttl":60,"s-max-age":5,"no-cache":true,"no-store":true,"namespace":"ns","use-cache":true}}""")!.AsObject();

        var controls = CacheControls.Read(request, null);

        Assert.Equal(new CacheControls { Caching = true, Ttl = 60, MaxAge = 5, NoCache = true, NoStore = true, Namespace = "ns", UseCache = true }, controls);
    }

    [Fact]
    public void Read_ControlNotAllowedForKey_Is403WithLiteLLMsMessage()
    {
        var request = JsonNode.Parse("""{"cache":{"no-cache":true,"ttl":5}}""")!.AsObject();
        var caller = new ApiKeyAuth { Token = "t", AllowedCacheControls = ["no-cache"] };

        var error = Assert.Throws<GatewayException>(() => CacheControls.Read(request, caller));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Not allowed to set ttl as a cache control. Contact admin to change permissions.", error.Message);
    }

    [Fact]
    public void Read_EmptyAllowList_AllowsEverything()
    {
        var request = JsonNode.Parse("""{"cache":{"no-store":true}}""")!.AsObject();

        Assert.True(CacheControls.Read(request, new ApiKeyAuth { Token = "t" }).NoStore);
    }

    [Fact]
    public void Read_CacheNotAnObject_IsIgnored()
    {
        var request = JsonNode.Parse("""{"cache":"no-cache","caching":false}""")!.AsObject();

        Assert.Equal(new CacheControls { Caching = false }, CacheControls.Read(request, new ApiKeyAuth { Token = "t", AllowedCacheControls = ["ttl"] }));
    }
}
