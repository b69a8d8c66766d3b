using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Tests.Support;
using MudBlazor;
using KeysPage = LiteAspire.Admin.Components.Pages.Keys.Keys;

namespace LiteAspire.Admin.Tests.Keys;

public class KeyEditTests
{
    private static AdminTestContext SignedIn()
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/key/list", KeyFixtures.KeyListPage).On("GET", "/team/list", KeyFixtures.TeamList)
            .On("GET", "/v1/models", KeyFixtures.Models).On("POST", "/key/update", KeyFixtures.Updated);
        return context;
    }

    // Opens the edit dialog of ci-bot (alice's team key: fake-gpt, $10 every 30d, 1000 tpm, 60 rpm, 4 parallel, {"env":"ci"}).
    private static IRenderedComponent<MudDialogProvider> OpenEdit(AdminTestContext context)
    {
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=keys-row]")));
        page.FindAll("[data-testid=keys-row]")[1].QuerySelector("[data-testid=edit-key]")!.Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=key-dialog]")));
        return dialogs;
    }

    private static IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea");

    [Fact]
    public async Task Edit_OpensWithTheKeysValues()
    {
        await using var context = SignedIn();

        var dialogs = OpenEdit(context);

        Assert.Contains("Edit key ci-bot", dialogs.Markup, StringComparison.Ordinal);
        Assert.Equal("ci-bot", Input(dialogs, "key-alias").GetAttribute("value"));
        Assert.Equal("10", Input(dialogs, "key-max-budget").GetAttribute("value"));
        Assert.Equal("30d", Input(dialogs, "key-budget-duration").GetAttribute("value"));
        Assert.Equal("1000", Input(dialogs, "key-tpm").GetAttribute("value"));
        Assert.Contains("\"env\": \"ci\"", Input(dialogs, "key-metadata").GetAttribute("value") ?? Input(dialogs, "key-metadata").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("Research", dialogs.Find("[data-testid=key-team]").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=key-duration]"));
    }

    [Fact]
    public async Task Edit_SendsOnlyTheChangedFieldsAndClearsAnEmptiedOne()
    {
        await using var context = SignedIn();
        var dialogs = OpenEdit(context);

        Input(dialogs, "key-alias").Change("ci-bot-2");
        Input(dialogs, "key-max-budget").Change("25");
        Input(dialogs, "key-tpm").Change("");
        Input(dialogs, "key-metadata").Change("""{"env": "prod"}""");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/key/update")));
        var body = JsonDocument.Parse(context.Proxy.To("/key/update")[0].Body!).RootElement;
        Assert.Equal(
            ["key", "key_alias", "max_budget", "tpm_limit", "metadata"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(KeyFixtures.CiBotToken, body.GetProperty("key").GetString());
        Assert.Equal("ci-bot-2", body.GetProperty("key_alias").GetString());
        Assert.Equal(25, body.GetProperty("max_budget").GetDouble());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("tpm_limit").ValueKind);
        Assert.Equal("prod", body.GetProperty("metadata").GetProperty("env").GetString());
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=key-dialog]")));
    }

    [Fact]
    public async Task Edit_NothingChanged_SendsNothing()
    {
        await using var context = SignedIn();
        var dialogs = OpenEdit(context);

        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=key-dialog]")));
        Assert.Empty(context.Proxy.To("/key/update"));
    }

    [Fact]
    public async Task Edit_InvalidMetadata_SaysWhyAndSendsNothing()
    {
        await using var context = SignedIn();
        var dialogs = OpenEdit(context);

        Input(dialogs, "key-metadata").Change("{\"env\": ");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("Metadata is not valid JSON", dialogs.Find("[data-testid=key-form-error]").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/key/update"));
    }
}
