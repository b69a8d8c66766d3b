namespace LiteAspire.Data.Tests.Support;

/// <summary>LiteLLM's table names (schema.prisma) that the model maps.</summary>
public static class LiteLLMTables
{
    public static readonly string[] All =
    [
        "LiteLLM_VerificationToken", "LiteLLM_UserTable", "LiteLLM_TeamTable", "LiteLLM_TeamMembership",
        "LiteLLM_OrganizationTable", "LiteLLM_OrganizationMembership", "LiteLLM_BudgetTable", "LiteLLM_EndUserTable",
        "LiteLLM_SpendLogs", "LiteLLM_ErrorLogs", "LiteLLM_DailyUserSpend", "LiteLLM_DailyTeamSpend",
        "LiteLLM_DailyOrganizationSpend", "LiteLLM_DailyEndUserSpend", "LiteLLM_DailyTagSpend", "LiteLLM_DailyGlobalSpend", "LiteLLM_ProxyModelTable",
        "LiteLLM_Config", "LiteLLM_DeletedVerificationToken", "LiteLLM_DeletedTeamTable", "LiteLLM_DeprecatedVerificationToken",
        "LiteLLM_TagTable", "LiteLLM_AuditLog",
    ];
}
