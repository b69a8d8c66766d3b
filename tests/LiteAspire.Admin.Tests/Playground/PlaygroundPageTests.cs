using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;

using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Tests.Support;

using PlaygroundPage = LiteAspire.Admin.Components.Pages.Playground.Playground;

namespace LiteAspire.Admin.Tests.Playground;

public class PlaygroundPageTests
{
    [Fact]
    public async Task Send_StreamsTheReplyAsItsChunksArrive_ThenShowsUsageAndTheDeployment()
    {
        await using var context = Context(AdminRoles.InternalUser);
        var chunks = Channel.CreateUnbounded<string>();
        context.Proxy.OnStream("POST", "/v1/chat/completions", _ => chunks.Reader.ReadAllAsync(), headers: PlaygroundJson.StreamHeaders);
        var page = Render(context);

        page.Find("textarea[data-testid=playground-system]").Change("Answer briefly.");
        page.Find("input[data-testid=playground-temperature]").Change("0.5");
        Send(page, "Say hello");
        await chunks.Writer.WriteAsync(PlaygroundJson.First + PlaygroundJson.Content("Hello"));

        page.WaitForAssertion(() => Assert.Equal("Hello", page.Find("[data-testid=playground-reply]").TextContent));
        Assert.NotNull(page.Find("[data-testid=playground-stop]"));
        await chunks.Writer.WriteAsync(PlaygroundJson.Content(" world") + PlaygroundJson.Finish);
        chunks.Writer.Complete();

        page.WaitForAssertion(() => Assert.Contains("1 prompt + 7 completion = 8 tokens", page.Find("[data-testid=playground-usage]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Hello world", page.Find("[data-testid=playground-reply]").TextContent);
        Assert.Contains($"model group db-gpt, deployment {PlaygroundJson.ModelId}", page.Find("[data-testid=playground-usage]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=playground-stop]"));

        var request = context.Proxy.To("/v1/chat/completions").Single();
        Assert.Equal(AdminTestContext.OperatorKey, request.BearerKey);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("db-gpt", body["model"]!.GetValue<string>());
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
        Assert.Equal(0.5, body["temperature"]!.GetValue<double>());
        Assert.Equal("""[{"role":"system","content":"Answer briefly."},{"role":"user","content":"Say hello"}]""", body["messages"]!.ToJsonString());
    }

    [Fact]
    public async Task Send_Twice_KeepsTheConversation()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);
        context.Proxy.OnStream("POST", "/v1/chat/completions", _ => Parts(PlaygroundJson.First, PlaygroundJson.Content("Hi there"), PlaygroundJson.Finish), headers: PlaygroundJson.StreamHeaders);
        var page = Render(context);

        Send(page, "Hello?");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=playground-usage]")));
        Send(page, "And again");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=playground-usage]").Count));

        var second = JsonNode.Parse(context.Proxy.To("/v1/chat/completions")[1].Body!)!;
        Assert.Equal("""[{"role":"user","content":"Hello?"},{"role":"assistant","content":"Hi there"},{"role":"user","content":"And again"}]""", second["messages"]!.ToJsonString());
        Assert.Equal(["Hi there", "Hi there"], page.FindAll("[data-testid=playground-reply]").Select(r => r.TextContent));
    }

    [Fact]
    public async Task Stop_CancelsTheStream_KeepsTheTextSoFar_AndIgnoresWhatComesAfter()
    {
        await using var context = Context(AdminRoles.InternalUserViewer);
        var later = new TaskCompletionSource();
        context.Proxy.OnStream("POST", "/v1/chat/completions", _ => StopTestParts(later.Task), headers: PlaygroundJson.StreamHeaders);
        var page = Render(context);

        Send(page, "Write a long story");
        page.WaitForAssertion(() => Assert.Equal("Once upon", page.Find("[data-testid=playground-reply]").TextContent));
        page.Find("[data-testid=playground-stop]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=playground-stopped]")));
        later.SetResult();
        await Task.Delay(200);
        Assert.Equal("Once upon", page.Find("[data-testid=playground-reply]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=playground-stop]"));
        Assert.Null(page.Find("textarea[data-testid=playground-message]").GetAttribute("disabled"));
    }

    [Theory]
    [InlineData(401, PlaygroundJson.InvalidKey, "Invalid key")]
    [InlineData(400, PlaygroundJson.BudgetExceeded, "Budget exceeded")]
    [InlineData(401, PlaygroundJson.ModelNotAllowed, "Model not allowed: this key may not call the model db-gpt.")]
    [InlineData(429, PlaygroundJson.RateLimited, "Rate limit reached")]
    public async Task Send_ProxyRefuses_ShowsWhyInPlainWords(int status, string answer, string words)
    {
        await using var context = Context(AdminRoles.InternalUser);
        context.Proxy.On("POST", "/v1/chat/completions", answer, status);
        var page = Render(context);

        Send(page, "hi");

        page.WaitForAssertion(() => Assert.Contains(words, page.Find("[data-testid=playground-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("The proxy said:", page.Find("[data-testid=playground-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=playground-reply]"));
    }

    [Fact]
    public async Task Send_ErrorInsideTheStream_IsShownAfterTheTextSoFar()
    {
        await using var context = Context(AdminRoles.InternalUser);
        context.Proxy.OnStream("POST", "/v1/chat/completions", _ => Parts(PlaygroundJson.First, PlaygroundJson.Content("Part"),
            "data: {\"error\":{\"message\":\"litellm.Timeout: stream_timeout of 10s exceeded\",\"type\":\"timeout\",\"param\":null,\"code\":\"408\"}}\n\n"),
            headers: PlaygroundJson.StreamHeaders);
        var page = Render(context);

        Send(page, "hi");

        page.WaitForAssertion(() => Assert.Contains("took too long", page.Find("[data-testid=playground-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Part", page.Find("[data-testid=playground-reply]").TextContent);
    }

    [Fact]
    public async Task ChosenKey_ListsItsModelsAndSendsWithIt_TheSignInKeyIsNeverShown()
    {
        await using var context = Context(AdminRoles.ProxyAdmin);
        const string chosen = "sk-team-key-for-playground";
        context.Proxy.On("GET", "/v1/models", request => request.BearerKey == chosen
            ? (200, """{"object":"list","data":[{"id":"db-gpt","object":"model","created":1677610602,"owned_by":"openai"}]}""")
            : (200, PlaygroundJson.Models));
        context.Proxy.OnStream("POST", "/v1/chat/completions", _ => Parts(PlaygroundJson.First, PlaygroundJson.Content("ok"), PlaygroundJson.Finish));
        var page = Render(context);

        page.Find("input[data-testid=playground-key]").Change(chosen);
        page.WaitForAssertion(() => Assert.Equal(chosen, context.Proxy.To("/v1/models")[^1].BearerKey));
        Send(page, "hi");

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/v1/chat/completions")));
        var request = context.Proxy.To("/v1/chat/completions")[0];
        Assert.Equal(chosen, request.BearerKey);
        Assert.Equal("db-gpt", JsonNode.Parse(request.Body!)!["model"]!.GetValue<string>());
        Assert.Equal("password", page.Find("input[data-testid=playground-key]").GetAttribute("type"));
        Assert.DoesNotContain(AdminTestContext.OperatorKey, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenKey_Invalid_SaysSoInPlainWords()
    {
        await using var context = Context(AdminRoles.InternalUser);
        context.Proxy.On("GET", "/v1/models", request => request.BearerKey == AdminTestContext.OperatorKey
            ? (200, PlaygroundJson.Models)
            : (401, PlaygroundJson.InvalidKey));
        var page = Render(context);

        page.Find("input[data-testid=playground-key]").Change("sk-wrong");

        page.WaitForAssertion(() => Assert.Contains("Invalid key", page.Find("[data-testid=playground-models-error]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=playground-send]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ProxyDown_TheModelListSaysSo()
    {
        await using var context = Context(AdminRoles.InternalUser);
        context.Proxy.Down = true;

        var page = context.Render<PlaygroundPage>();

        page.WaitForAssertion(() => Assert.Contains("unreachable", page.Find("[data-testid=playground-models-error]").TextContent, StringComparison.Ordinal));
    }

    private static AdminTestContext Context(string role)
    {
        var context = new AdminTestContext();
        context.SignInAs(role);
        context.Proxy.On("GET", "/v1/models", PlaygroundJson.Models);
        context.Render<MudBlazor.MudPopoverProvider>();
        return context;
    }

    private static IRenderedComponent<PlaygroundPage> Render(AdminTestContext context)
    {
        var page = context.Render<PlaygroundPage>();
        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/v1/models")));
        return page;
    }

    private static void Send(IRenderedComponent<PlaygroundPage> page, string message)
    {
        page.WaitForAssertion(() => Assert.Null(page.Find("textarea[data-testid=playground-message]").GetAttribute("disabled")));
        page.Find("textarea[data-testid=playground-message]").Input(message);
        page.Find("[data-testid=playground-send]").Click();
    }

    private static async IAsyncEnumerable<string> Parts(params string[] parts)
    {
        foreach (var part in parts)
        {
            await Task.Yield();
            yield return part;
        }
    }

    private static async IAsyncEnumerable<string> StopTestParts(Task later, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return PlaygroundJson.First + PlaygroundJson.Content("Once upon");
        await later.WaitAsync(cancellationToken);
        yield return PlaygroundJson.Content(" a time") + PlaygroundJson.Finish;
    }
}
