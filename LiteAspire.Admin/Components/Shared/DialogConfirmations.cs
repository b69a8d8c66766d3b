using MudBlazor;

namespace LiteAspire.Admin.Components.Shared;

/// <summary>The confirmation every destructive action asks for first.</summary>
public static class DialogConfirmations
{
    /// <summary>Asks <paramref name="question"/>; true only when the operator pressed <paramref name="confirmText"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question, string confirmText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var answer = await dialogs.ShowMessageBoxAsync(title, question, yesText: confirmText, cancelText: "Cancel");
        return answer == true;
    }
}
