using AngleSharp.Dom;
using Bunit;
using MudBlazor;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>
/// MudBlazor's popover and dialog hosts for pages that open dialogs (as the layout renders them), and the clicks the
/// tenancy tests make in them.
/// </summary>
internal sealed class TenancyDialogs
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    private TenancyDialogs(IRenderedComponent<MudDialogProvider> dialogs)
    {
        _dialogs = dialogs;
    }

    /// <summary>Renders the hosts; call before rendering the page.</summary>
    public static TenancyDialogs Render(AdminTestContext context)
    {
        context.Render<MudPopoverProvider>();
        return new TenancyDialogs(context.Render<MudDialogProvider>());
    }

    /// <summary>The open dialogs' markup.</summary>
    public string Markup => _dialogs.Markup;

    /// <summary>An element of an open dialog, once it is there.</summary>
    public IElement Find(string selector)
    {
        _dialogs.WaitForElement(selector);
        return _dialogs.Find(selector);
    }

    /// <summary>Types into a text or number field (its input carries the <c>data-testid</c>).</summary>
    public void Fill(string testId, string value) => Find($"[data-testid={testId}]").Change(value);

    /// <summary>Presses a dialog button by its text (e.g. the confirmation's "Delete" or "Cancel").</summary>
    public void Press(string text)
    {
        _dialogs.WaitForAssertion(() => Assert.Contains(_dialogs.FindAll("button"), b => b.TextContent.Trim() == text));
        _dialogs.FindAll("button").First(b => b.TextContent.Trim() == text).Click();
    }

    /// <summary>Submits the open form dialog with its submit button.</summary>
    public void Submit(string submitTestId) => Find($"[data-testid={submitTestId}]").Click();

    /// <summary>Waits until no dialog is open.</summary>
    public void WaitUntilClosed() => _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
}
