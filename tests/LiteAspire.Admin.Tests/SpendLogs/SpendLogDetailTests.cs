using System.Text.Json.Nodes;

using Bunit;

using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.SpendLogs;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.SpendLogs;

public class SpendLogDetailTests
{
    private static AdminTestContext SignedIn(string answer)
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.InternalUser, userId: "alice");
        context.Proxy.On("GET", "/spend/logs", answer);
        return context;
    }

    [Fact]
    public async Task DetailPage_ShowsMetadataTagsProviderTokensCostAndTimings()
    {
        await using var context = SignedIn(SpendLogFixtures.OneLog);

        var page = context.Render<SpendLogDetailPage>(p => p.Add(c => c.RequestId, "chatcmpl-fakeaf3765ca13a9fcac"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=spend-log-detail]")));
        Assert.Equal("chatcmpl-fakeaf3765ca13a9fcac", context.Proxy.To("/spend/logs").Single().QueryValue("request_id"));
        Assert.Equal("openai", page.Find("[data-testid=detail-provider]").TextContent);
        Assert.Equal("http://127.0.0.1:4099/v1", page.Find("[data-testid=detail-api-base]").TextContent);
        Assert.Equal("$0.0000054", page.Find("[data-testid=detail-cost]").TextContent);
        Assert.Equal("47 ms", page.Find("[data-testid=detail-duration]").TextContent);
        Assert.Equal("—", page.Find("[data-testid=detail-tags]").TextContent);
        Assert.Contains("\"user_api_key_alias\": \"ci-bot\"", page.Find("[data-testid=detail-metadata]").TextContent, StringComparison.Ordinal);
        Assert.Contains("ci-bot", page.Markup, StringComparison.Ordinal);
        // The proxy stored no prompt ({}): the page says so rather than showing empty boxes.
        Assert.NotNull(page.Find("[data-testid=detail-no-payload]"));
        Assert.Empty(page.FindAll("[data-testid=detail-messages]"));
    }

    [Fact]
    public async Task DetailPage_ShowsThePromptAndResponse_WhenTheProxyStoredThem()
    {
        var log = JsonNode.Parse(SpendLogFixtures.OneLog)![0]!.AsObject();
        log["messages"] = JsonNode.Parse("""[{"role":"user","content":"stream please"}]""");
        log["response"] = JsonNode.Parse("""{"choices":[{"message":{"content":"a streamed answer"}}]}""");
        log["request_tags"] = JsonNode.Parse("""["prod","search"]""");
        await using var context = SignedIn($"[{log.ToJsonString()}]");

        var page = context.Render<SpendLogDetailPage>(p => p.Add(c => c.RequestId, "chatcmpl-fakeaf3765ca13a9fcac"));

        page.WaitForAssertion(() => Assert.Contains("stream please", page.Find("[data-testid=detail-messages]").TextContent, StringComparison.Ordinal));
        Assert.Contains("a streamed answer", page.Find("[data-testid=detail-response]").TextContent, StringComparison.Ordinal);
        Assert.Equal("prod, search", page.Find("[data-testid=detail-tags]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=detail-no-payload]"));
    }

    [Fact]
    public async Task DetailPage_UnknownOrSomeoneElsesRequest_SaysThereIsNone()
    {
        await using var context = SignedIn("[]");

        var page = context.Render<SpendLogDetailPage>(p => p.Add(c => c.RequestId, "chatcmpl-not-mine"));

        page.WaitForAssertion(() => Assert.Contains("no request with this id", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DetailPage_ProxyDown_SaysSo()
    {
        await using var context = SignedIn("[]");
        context.Proxy.Down = true;

        var page = context.Render<SpendLogDetailPage>(p => p.Add(c => c.RequestId, "chatcmpl-fakeaf3765ca13a9fcac"));

        page.WaitForAssertion(() => Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
