using LiteAspire.Data;
using LiteAspire.Worker.Alerts;
using LiteAspire.Worker.Budgets;

namespace LiteAspire.Worker.Tests.Budgets;

public sealed class BudgetSettingsTests
{
    [Fact]
    public void Config_GivesTheWorkersBudgetSettings()
    {
        var settings = BudgetSettings.Parse("""
            litellm_settings:
              timezone: Asia/Kolkata
            general_settings:
              alerting: ["slack", "webhook"]
              alert_types: ["budget_alerts", "llm_exceptions"]
              alert_to_webhook_url:
                budget_alerts: ["https://hooks.slack.com/services/A/B/C", "https://hooks.slack.com/services/D/E/F"]
              disable_reset_budget: true
              proxy_budget_rescheduler_min_time: 597
              proxy_budget_rescheduler_max_time: 605
            environment_variables:
              WEBHOOK_URL: http://127.0.0.1:9/hook
            """, _ => null);

        Assert.Equal("Asia/Kolkata", settings.Calendar.Zone.Id);
        Assert.True(settings.DisableResetBudget);
        Assert.Equal((TimeSpan.FromSeconds(597), TimeSpan.FromSeconds(605)), (settings.ResetIntervalMin, settings.ResetIntervalMax));
        Assert.Equal(
            ["Slack https://hooks.slack.com/services/A/B/C", "Slack https://hooks.slack.com/services/D/E/F", "Webhook http://127.0.0.1:9/hook"],
            settings.Alerts.Destinations.Select(d => $"{d.Format} {d.Url}"));
        Assert.Empty(settings.Warnings);
    }

    [Fact]
    public void NoConfig_DefaultsAndAlertsOff()
    {
        var settings = BudgetSettings.Parse("model_list: []", _ => null);

        Assert.Equal(TimeZoneInfo.Utc.Id, settings.Calendar.Zone.Id);
        Assert.False(settings.DisableResetBudget);
        Assert.Equal(BudgetSettings.DefaultResetInterval, settings.ResetIntervalMin);
        Assert.False(settings.Alerts.Enabled);
    }

    [Fact]
    public void SlackFromEnvironment_AndAlertTypesWithoutBudgetAlertsTurnThemOff()
    {
        var env = new Dictionary<string, string?> { ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/X/Y/Z" };
        var on = BudgetSettings.Parse("general_settings:\n  alerting: [slack]\n", name => env.GetValueOrDefault(name));
        var off = BudgetSettings.Parse("general_settings:\n  alerting: [slack]\n  alert_types: [llm_exceptions]\n", name => env.GetValueOrDefault(name));

        Assert.Equal(new AlertDestination(new Uri("https://hooks.slack.com/services/X/Y/Z"), AlertFormat.Slack), Assert.Single(on.Alerts.Destinations));
        Assert.False(off.Alerts.Enabled);
    }

    [Fact]
    public void MissingUrlOrUnknownZone_WarnsWithoutTheSecret()
    {
        var settings = BudgetSettings.Parse("litellm_settings:\n  timezone: Nowhere/Land\ngeneral_settings:\n  alerting: [webhook]\n", _ => null);

        Assert.Equal(TimeZoneInfo.Utc.Id, settings.Calendar.Zone.Id);
        Assert.Contains(settings.Warnings, w => w.Contains("WEBHOOK_URL", StringComparison.Ordinal));
        Assert.Contains(settings.Warnings, w => w.Contains("Nowhere/Land", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedConfig_FailsTheStartWithTheLine() =>
        Assert.Contains("line 2", Assert.Throws<StartupConfigurationException>(() =>
            BudgetSettings.Parse("general_settings:\n  disable_reset_budget: perhaps\n", _ => null)).Message, StringComparison.Ordinal);
}
