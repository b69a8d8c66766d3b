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
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    private TenancyDialogs(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<MudDialogProvider> dialogs)
    {
        _popovers = popovers;
        _dialogs = dialogs;
    }

    /// <summary>Renders the hosts; call before rendering the page.</summary>
    public static TenancyDialogs Render(AdminTestContext context) =>
        new(context.Render<MudPopoverProvider>(), context.Render<MudDialogProvider>());

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

    /// <summary>Opens a select of an open dialog and picks the item whose text starts with <paramref name="itemText"/>.</summary>
    public void Choose(string selectTestId, string itemText)
    {
        var input = Find($"[data-testid={selectTestId}]");
        input.Closest(".mud-select")!.MouseDown();
        _popovers.WaitForAssertion(() => Assert.Contains(_popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim().StartsWith(itemText, StringComparison.Ordinal)));
        _popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim().StartsWith(itemText, StringComparison.Ordinal)).Click();
    }

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
