namespace LiteAspire.Worker.Alerts;

/// <summary>Which budget lines a rise in spend crossed.</summary>
public static class BudgetThresholds
{
    /// <summary>The fractions of <c>max_budget</c> that alert: 50 %, 80 %, 100 %.</summary>
    public static IReadOnlyList<double> Fractions { get; } = [0.5, 0.8, 1.0];

    /// <summary>
    /// The highest fraction of <paramref name="maxBudget"/> that spend crossed going from <paramref name="before"/> to
    /// <paramref name="after"/> (a jump over several lines alerts once, for the highest), or null.
    /// </summary>
    public static double? CrossedFraction(double before, double after, double? maxBudget)
    {
        if (maxBudget is not { } max || max <= 0 || after <= before)
        {
            return null;
        }

        double? crossed = null;
        foreach (var fraction in Fractions)
        {
            var line = fraction * max;
            if (before < line && after >= line)
            {
                crossed = fraction;
            }
        }

        return crossed;
    }

    /// <summary>Whether spend crossed <paramref name="softBudget"/>.</summary>
    public static bool CrossedSoft(double before, double after, double? softBudget) =>
        softBudget is { } soft && soft > 0 && before < soft && after >= soft;
}
