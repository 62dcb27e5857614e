namespace SkinBot.Teams.Rendering;

/// <summary>How follow-up buttons post back.</summary>
internal enum CardActionStyle
{
    /// <summary>Action.Submit: arrives as a message activity whose value is {question}.</summary>
    Submit,

    /// <summary>Action.Execute with verb "followup": arrives as an adaptiveCard/action invoke answered inline.</summary>
    Execute,
}
