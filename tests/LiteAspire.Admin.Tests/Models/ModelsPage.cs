using Bunit;
using LiteAspire.Admin.Tests.Support;
using MudBlazor;

namespace LiteAspire.Admin.Tests.Models;

/// <summary>The models page rendered against the fake proxy with the dialog and popover providers it needs.</summary>
internal static class ModelsPage
{
    /// <summary>The fake proxy answering the page's three reads with real-shaped JSON.</summary>
    public static void AnswerReads(AdminTestContext context, string health = ModelsJson.HealthLatest, string cooldowns = ModelsJson.NoCooldowns)
    {
        context.Proxy.On("GET", "/v1/model/info", ModelsJson.ModelInfo);
        context.Proxy.On("GET", "/health/latest", health);
        context.Proxy.On("GET", "/router/cooldowns", cooldowns);
    }

    /// <summary>Renders the providers, then the page, and waits until it shows its rows.</summary>
    public static (IRenderedComponent<Components.Pages.Models.Models> Page, IRenderedComponent<MudDialogProvider> Dialogs) Render(AdminTestContext context)
    {
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<Components.Pages.Models.Models>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=model-row]")));
        return (page, dialogs);
    }

    /// <summary>The row of deployment <paramref name="id"/>.</summary>
    public static AngleSharp.Dom.IElement Row(IRenderedComponent<Components.Pages.Models.Models> page, string id) =>
        page.Find($"[data-testid=model-row][data-model-id='{id}']");
}
