using System.Text.Json.Nodes;

using LiteAspire.Proxy.Budgets;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.Proxy.Tests.Budgets;

public sealed class RequestTagsTests
{
    [Fact]
    public void ReadsMetadataTags_BodyTags_AndTheHeader_EachOnce()
    {
        var body = JsonNode.Parse("""{"metadata": {"tags": ["a", 5, "b"]}, "tags": ["b", "c", ""]}""")!.AsObject();
        var headers = new HeaderDictionary { [RequestTags.Header] = " d , a,, e " };

        Assert.Equal(["a", "b", "c", "d", "e"], RequestTags.Of(headers, body));
        Assert.Equal(["d", "a", "e"], RequestTags.Of(headers));
    }

    [Fact]
    public void NoTags_TheSharedEmptyList()
    {
        var body = JsonNode.Parse("""{"model": "gpt-4o", "metadata": {"tags": "not-a-list"}}""")!.AsObject();

        Assert.Same(RequestTags.Of(new HeaderDictionary(), new JsonObject()), RequestTags.Of(new HeaderDictionary(), body));
        Assert.Empty(RequestTags.Of(new HeaderDictionary(), body));
    }
}
