using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Tests.Support;
using MudBlazor;
using KeysPage = LiteAspire.Admin.Components.Pages.Keys.Keys;

namespace LiteAspire.Admin.Tests.Keys;

public class KeyCreateTests
{
    private const string NewKey = "sk-4Cj1FVZ8uUH1LsmBNkYcZQ";

    private static AdminTestContext SignedIn(string role = AdminRoles.ProxyAdmin, string? userId = null)
    {
        var context = new AdminTestContext();
        context.SignInAs(role, userId: userId);
        context.Proxy.On("GET", "/key/list", KeyFixtures.KeyListPage).On("GET", "/team/list", KeyFixtures.TeamList)
            .On("GET", "/v1/models", KeyFixtures.Models).On("POST", "/key/generate", KeyFixtures.Generated);
        return context;
    }

    private static (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<KeysPage> Page) OpenCreate(
        AdminTestContext context)
    {
        var popovers = context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=keys-row]")));
        page.Find("[data-testid=create-key]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=key-dialog]")));
        return (popovers, dialogs, page);
    }

    private static IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea");

    private static void Pick(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<MudDialogProvider> dialogs, string testId, string item)
    {
        dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == item));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == item).Click();
    }

    [Fact]
    public async Task Create_FilledForm_SendsEveryFieldToKeyGenerate()
    {
        await using var context = SignedIn();
        var (popovers, dialogs, _) = OpenCreate(context);

        Input(dialogs, "key-alias").Change("ci-bot");
        Pick(popovers, dialogs, "key-team", "Research");
        Pick(popovers, dialogs, "key-models", "fake-gpt");
        Input(dialogs, "key-max-budget").Change("10");
        Input(dialogs, "key-budget-duration").Change("30d");
        Input(dialogs, "key-duration").Change("30d");
        Input(dialogs, "key-tpm").Change("1000");
        Input(dialogs, "key-rpm").Change("60");
        Input(dialogs, "key-parallel").Change("4");
        Input(dialogs, "key-user").Change("alice");
        Input(dialogs, "key-metadata").Change("""{"env": "ci"}""");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/key/generate")));
        var body = JsonDocument.Parse(context.Proxy.To("/key/generate")[0].Body!).RootElement;
        Assert.Equal("ci-bot", body.GetProperty("key_alias").GetString());
        Assert.Equal("team-research", body.GetProperty("team_id").GetString());
        Assert.Equal(["fake-gpt"], body.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(10, body.GetProperty("max_budget").GetDouble());
        Assert.Equal("30d", body.GetProperty("budget_duration").GetString());
        Assert.Equal("30d", body.GetProperty("duration").GetString());
        Assert.Equal(1000, body.GetProperty("tpm_limit").GetInt64());
        Assert.Equal(60, body.GetProperty("rpm_limit").GetInt64());
        Assert.Equal(4, body.GetProperty("max_parallel_requests").GetInt32());
        Assert.Equal("alice", body.GetProperty("user_id").GetString());
        Assert.Equal("ci", body.GetProperty("metadata").GetProperty("env").GetString());
        Assert.Equal(AdminTestContext.OperatorKey, context.Proxy.To("/key/generate")[0].BearerKey);
    }

    [Fact]
    public async Task Create_Success_ShowsTheKeyOnceWithACopyButtonAndForgetsItWhenDismissed()
    {
        await using var context = SignedIn();
        context.JSInterop.Setup<bool>("liteAspire.copy", NewKey).SetResult(true);
        var (_, dialogs, page) = OpenCreate(context);
        Input(dialogs, "key-alias").Change("ci-bot");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal(NewKey, dialogs.Find("[data-testid=new-key-secret]").TextContent));
        Assert.Contains("will not be shown again", dialogs.Find("[data-testid=new-key-warning]").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=key-dialog]"));
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        Assert.DoesNotContain(NewKey, page.Markup, StringComparison.Ordinal);

        dialogs.Find("[data-testid=copy-new-key]").Click();
        Assert.Equal(NewKey, context.JSInterop.VerifyInvoke("liteAspire.copy").Arguments[0]);
        dialogs.WaitForAssertion(() => Assert.Contains("Copied", dialogs.Find("[data-testid=new-key-copied]").TextContent, StringComparison.Ordinal));

        dialogs.Find("[data-testid=dismiss-new-key]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=new-key-secret]")));
        Assert.DoesNotContain(NewKey, dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(NewKey, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CopyRefusedByTheBrowser_SaysToCopyByHand()
    {
        await using var context = SignedIn();
        context.JSInterop.Setup<bool>("liteAspire.copy", NewKey).SetResult(false);
        var (_, dialogs, _) = OpenCreate(context);
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=copy-new-key]")));

        dialogs.Find("[data-testid=copy-new-key]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("copy it by hand", dialogs.Find("[data-testid=new-key-copied]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_EmptyForm_SendsNoFieldsSoTheProxysDefaultsApply()
    {
        await using var context = SignedIn();
        var (_, dialogs, _) = OpenCreate(context);

        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/key/generate")));
        Assert.Equal("{}", context.Proxy.To("/key/generate")[0].Body);
    }

    [Theory]
    [InlineData("{not json", "Metadata is not valid JSON")]
    [InlineData("[\"a\", \"b\"]", "Metadata must be a JSON object")]
    [InlineData("\"prod\"", "Metadata must be a JSON object")]
    public async Task Create_InvalidMetadata_SaysWhyAndSendsNothing(string metadata, string expected)
    {
        await using var context = SignedIn();
        var (_, dialogs, _) = OpenCreate(context);
        Input(dialogs, "key-alias").Change("ci-bot");

        Input(dialogs, "key-metadata").Change(metadata);
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains(expected, dialogs.Find("[data-testid=key-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/key/generate"));
        Assert.NotNull(dialogs.Find("[data-testid=key-dialog]"));
    }

    [Theory]
    [InlineData("key-duration", "30 days", "Expires after")]
    [InlineData("key-budget-duration", "0d", "Budget resets every")]
    public async Task Create_InvalidDuration_SaysWhichAndSendsNothing(string field, string value, string expected)
    {
        await using var context = SignedIn();
        var (_, dialogs, _) = OpenCreate(context);

        Input(dialogs, field).Change(value);
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains(expected, dialogs.Find("[data-testid=key-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/key/generate"));
    }

    [Fact]
    public async Task Create_ProxyRefuses_ShowsItsMessageAndKeepsTheForm()
    {
        await using var context = SignedIn();
        context.Proxy.On("POST", "/key/generate",
            """{"error":{"message":"A key with this value or alias already exists.","type":"bad_request_error","param":"key_alias","code":"400"}}""", 400);
        var (_, dialogs, _) = OpenCreate(context);
        Input(dialogs, "key-alias").Change("ci-bot");

        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("The proxy answered 400: A key with this value or alias already exists.",
            dialogs.Find("[data-testid=key-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("ci-bot", Input(dialogs, "key-alias").GetAttribute("value"));
        Assert.Empty(dialogs.FindAll("[data-testid=new-key-secret]"));
    }

    [Fact]
    public async Task Create_ProxyDown_ShowsWhyInTheForm()
    {
        await using var context = SignedIn();
        var (_, dialogs, _) = OpenCreate(context);
        context.Proxy.Down = true;

        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("unreachable", dialogs.Find("[data-testid=key-form-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_InternalUser_CannotPickAnotherOwner()
    {
        await using var context = SignedIn(AdminRoles.InternalUser, "alice");

        var (_, dialogs, _) = OpenCreate(context);

        Assert.Empty(dialogs.FindAll("[data-testid=key-user]"));
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/key/generate")));
        Assert.DoesNotContain("user_id", context.Proxy.To("/key/generate")[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TeamWithModels_OffersOnlyTheTeamsModels()
    {
        var teams = KeyFixtures.TeamList.Replace("\"models\":[\"fake-gpt\",\"fake-mini\"]", "\"models\":[\"fake-mini\"]", StringComparison.Ordinal);
        await using var context = SignedIn();
        context.Proxy.On("GET", "/team/list", teams);
        var (popovers, dialogs, _) = OpenCreate(context);

        Pick(popovers, dialogs, "key-team", "Research");
        dialogs.Find("[data-testid=key-models]").Closest(".mud-input-control")!.MouseDown();

        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "fake-mini"));
        Assert.DoesNotContain(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "fake-gpt");
    }
}
