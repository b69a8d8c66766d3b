using MudBlazor;

namespace LiteAspire.Admin.Components.Layout;

/// <summary>The dashboard's colours, light and dark, chosen for AA contrast on text and controls.</summary>
public static class AdminTheme
{
    /// <summary>The theme.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4fb4",
            Secondary = "#6b3fa0",
            AppbarBackground = "#1f2933",
            Background = "#f5f7fa",
            TextSecondary = "#4a5562",
            // MudBlazor's defaults put white text on colours below AA contrast (e.g. #00c853): darker shades pass.
            Success = "#1b7a43",
            Error = "#c62828",
            Warning = "#a15c00",
            Info = "#1565c0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4ff",
            // Dark text on the light primary: white on #8ab4ff is 2.1:1.
            PrimaryContrastText = "#0b1a33",
            Secondary = "#c7a6f0",
            AppbarBackground = "#14181d",
            TextSecondary = "#b8c0ca",
            Success = "#1b7a43",
            Error = "#c62828",
            Warning = "#a15c00",
            Info = "#1565c0",
        },
    };
}
