// Team privacy: when a round's detail is withheld, the labels of anonymous rounds, and the team
// settings as stored.
import fc from "fast-check";
import {
  movedStatementsWithheld,
  DEFAULT_MIN_GROUP,
  DEFAULT_TEAM_SETTINGS,
  anonymousRespondent,
  checkMinGroup,
  isAnonymousRound,
  isRespondentLabel,
  labelNamedResponses,
  nextRespondentLabel,
  readTeamSettings,
  responseFiguresShown,
  teamDetail,
  withAnonymousRound,
} from "../../src/model";
import { respond, type LayerAnswers } from "./respond";

describe("teamDetail", () => {
  it("withholds detail one below the minimum group and shows it at the minimum", () => {
    expect(DEFAULT_MIN_GROUP).toBe(3);
    expect(teamDetail(2)).toEqual({
      shown: false,
      reason:
        "Only the team mean is shown: this round has 2 complete respondents, and detail appears from 3. " +
        "Lowest and highest scores, spreads and disagreements could single someone out.",
    });
    expect(teamDetail(3)).toEqual({ shown: true });
    expect(teamDetail(4)).toEqual({ shown: true });
  });

  it("follows the team's own minimum, with 1 and 0 respondents worded correctly", () => {
    expect(teamDetail(2, 2)).toEqual({ shown: true });
    expect(teamDetail(4, 5).shown).toBe(false);
    expect(teamDetail(5, 5).shown).toBe(true);
    expect(teamDetail(1, 1)).toEqual({ shown: true });
    const one = teamDetail(1, 3);
    expect(one.shown === false && one.reason).toMatch(
      /this round has 1 complete respondent, and detail appears from 3\./,
    );
    const none = teamDetail(0, 1);
    expect(none.shown === false && none.reason).toMatch(/this round has 0 complete respondents/);
  });

  it("checks a minimum group: whole numbers from 1 to 50 only", () => {
    expect(checkMinGroup(1)).toEqual({ ok: true, value: 1 });
    expect(checkMinGroup(50)).toEqual({ ok: true, value: 50 });
    for (const bad of [0, 51, 2.5, -3, Number.NaN, "3", null, undefined]) {
      expect(checkMinGroup(bad)).toEqual({
        ok: false,
        message: "The smallest group must be a whole number from 1 to 50.",
      });
    }
  });
});

describe("responseFiguresShown", () => {
  const claims = (id: string, date: string, layers: LayerAnswers[] = [4, 3, 3, 2, 3]) =>
    respond(layers, { id, workflow: "Claims", respondent: id, date });
  // 2026-04-02: Ana and Ben complete, Cy partial; 2026-05-01: Dee alone; other workflows never count.
  const responses = [
    claims("Ana", "2026-04-02"),
    claims("Ben", "2026-04-02"),
    claims("Cy", "2026-04-02", [4, 3, null, null, null]),
    claims("Dee", "2026-05-01"),
    respond([4, 3, 3, 2, 3], { id: "x1", workflow: "claims", date: "2026-05-01" }),
    respond([4, 3, 3, 2, 3], { id: "x2", workflow: "Payroll", date: "2026-05-01" }),
  ];

  it("shows a response's figures only once its round has the smallest group of complete responses", () => {
    const ana = responses[0];
    expect(responseFiguresShown(responses, ana, 3)).toBe(false); // Cy's partial response does not count
    expect(responseFiguresShown(responses, ana, 2)).toBe(true);
    expect(responseFiguresShown(responses, ana)).toBe(DEFAULT_MIN_GROUP <= 2);
    const dee = responses[3];
    expect(responseFiguresShown(responses, dee, 2)).toBe(false); // "claims" and Payroll are other workflows
    expect(responseFiguresShown(responses, dee, 1)).toBe(true);
  });

  it("agrees with teamDetail on the response's round, for every smallest group", () => {
    for (let minGroup = 1; minGroup <= 4; minGroup++) {
      for (const response of responses.slice(0, 4)) {
        const complete = response.date === "2026-04-02" ? 2 : 1;
        expect(responseFiguresShown(responses, response, minGroup)).toBe(teamDetail(complete, minGroup).shown);
      }
    }
  });
});

describe("movedStatementsWithheld", () => {
  const round = (date: string, respondents: number) => ({ date, respondents });

  it("names every round below the smallest group, and is null once both reach it", () => {
    expect(movedStatementsWithheld(round("2026-01-10", 2), round("2026-04-02", 3), 3)).toBe(
      "The statements that moved most are withheld: the 2026-01-10 round has 2 complete respondents, and they are " +
        "listed from 3. In so small a group a statement's team mean can show how one person answered.",
    );
    expect(movedStatementsWithheld(round("", 1), round("2026-04-02", 2), 3)).toBe(
      "The statements that moved most are withheld: the undated round has 1 complete respondent and the 2026-04-02 " +
        "round has 2 complete respondents, and they are listed from 3. In so small a group a statement's team mean " +
        "can show how one person answered.",
    );
    expect(movedStatementsWithheld(round("2026-01-10", 3), round("2026-04-02", 3), 3)).toBeNull();
    expect(movedStatementsWithheld(round("2026-01-10", 2), round("2026-04-02", 2), 2)).toBeNull();
  });

  it("withholds exactly when teamDetail withholds either round's detail", () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.integer({ min: 1, max: 50 }), (a, b, minGroup) => {
        const withheld = movedStatementsWithheld(round("2026-01-10", a), round("2026-04-02", b), minGroup) !== null;
        expect(withheld).toBe(!teamDetail(a, minGroup).shown || !teamDetail(b, minGroup).shown);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("respondent labels", () => {
  it("gives the next label above the highest in use, ignoring names", () => {
    expect(nextRespondentLabel([])).toBe("Respondent 1");
    expect(nextRespondentLabel(["Ana", ""])).toBe("Respondent 1");
    expect(nextRespondentLabel(["Respondent 1", "Respondent 4", "Ana"])).toBe("Respondent 5");
    // Only the exact form counts as a label.
    expect(nextRespondentLabel(["Respondent 07", "respondent 9", "Respondent 2 "])).toBe("Respondent 1");
    expect(isRespondentLabel("Respondent 12")).toBe(true);
    expect(isRespondentLabel("Respondent 0")).toBe(false);
    expect(isRespondentLabel("Ana")).toBe(false);
  });

  it("keeps a response's own label, and replaces a typed name by the next free label", () => {
    const round = [
      { id: "a", respondent: "Respondent 1" },
      { id: "b", respondent: "Respondent 2" },
    ];
    expect(anonymousRespondent({ id: "new", respondent: "Ana" }, round)).toBe("Respondent 3");
    expect(anonymousRespondent({ id: "new", respondent: "" }, round)).toBe("Respondent 3");
    // An edit of a saved response keeps its label, even when the form sends a name.
    expect(anonymousRespondent({ id: "b", respondent: "Ben" }, round)).toBe("Respondent 2");
    // A label that another response holds is not taken over.
    expect(anonymousRespondent({ id: "new", respondent: "Respondent 1" }, round)).toBe("Respondent 3");
    // An Undo brings a deleted response back under its label while that label is free.
    expect(anonymousRespondent({ id: "gone", respondent: "Respondent 7" }, round)).toBe("Respondent 7");
  });

  it("labels a round's named responses after the labels it has, in saved order", () => {
    const labelled = labelNamedResponses([
      { id: "a", respondent: "Ana" },
      { id: "b", respondent: "Respondent 2" },
      { id: "c", respondent: "" },
    ]);
    expect(labelled).toEqual([
      { id: "a", respondent: "Respondent 3" },
      { id: "c", respondent: "Respondent 4" },
    ]);
  });

  it("never gives a label the round already holds, however responses arrive (property)", () => {
    const name = fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((n) => `Respondent ${n}`),
      fc.constantFrom("Ana", "Ben", "", "Respondent", "Respondent 0"),
    );
    const step = fc.record({ existing: fc.boolean(), pick: fc.nat(), respondent: name });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), fc.array(step, { maxLength: 25 }), (start, steps) => {
        // A round as a store would hold it once it is anonymous: every response labelled.
        let round = start.map((respondent, i) => ({ id: `s${i}`, respondent }));
        const relabelled = new Map(labelNamedResponses(round).map((r) => [r.id, r.respondent]));
        round = round.map((r) => ({ ...r, respondent: relabelled.get(r.id) ?? r.respondent }));
        // Labels typed twice by hand are the one case a store may hold; saving each again fixes them.
        round.forEach((r, i) => {
          if (round.some((other, j) => j < i && other.respondent === r.respondent)) {
            round[i] = { ...r, respondent: anonymousRespondent(r, round) };
          }
        });
        expect(new Set(round.map((r) => r.respondent)).size).toBe(round.length);
        steps.forEach((s, n) => {
          const target = s.existing && round.length > 0 ? round[s.pick % round.length].id : `n${n}`;
          const label = anonymousRespondent({ id: target, respondent: s.respondent }, round);
          expect(isRespondentLabel(label)).toBe(true);
          const others = round.filter((r) => r.id !== target).map((r) => r.respondent);
          expect(others).not.toContain(label);
          const at = round.findIndex((r) => r.id === target);
          if (at >= 0) round[at] = { id: target, respondent: label };
          else round.push({ id: target, respondent: label });
          expect(new Set(round.map((r) => r.respondent)).size).toBe(round.length);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("team settings", () => {
  it("names rounds exactly by workflow and date, and turns them on and off", () => {
    const on = withAnonymousRound(DEFAULT_TEAM_SETTINGS, "Claims", "2026-04-02", true);
    expect(isAnonymousRound(on, "Claims", "2026-04-02")).toBe(true);
    expect(isAnonymousRound(on, "claims", "2026-04-02")).toBe(false);
    expect(isAnonymousRound(on, "Claims", "")).toBe(false);
    const twice = withAnonymousRound(on, "Claims", "2026-04-02", true);
    expect(twice.anonymousRounds).toHaveLength(1);
    const both = withAnonymousRound(twice, "Claims", "", true);
    const off = withAnonymousRound(both, "Claims", "2026-04-02", false);
    expect(off).toEqual({ minGroup: 3, anonymousRounds: [{ workflow: "Claims", date: "" }] });
    expect(DEFAULT_TEAM_SETTINGS.anonymousRounds).toEqual([]);
  });

  it("reads stored settings part by part: a bad part falls back, the good parts stay", () => {
    const rounds = [{ workflow: "Claims", date: "2026-04-02" }];
    expect(readTeamSettings({ minGroup: 5, anonymousRounds: rounds })).toEqual({
      settings: { minGroup: 5, anonymousRounds: rounds },
      problems: [],
    });
    expect(readTeamSettings({})).toEqual({ settings: DEFAULT_TEAM_SETTINGS, problems: [] });
    expect(readTeamSettings({ minGroup: 0, anonymousRounds: rounds })).toEqual({
      settings: { minGroup: 3, anonymousRounds: rounds },
      problems: ["the smallest group, 0: The smallest group must be a whole number from 1 to 50"],
    });
    expect(readTeamSettings({ minGroup: 4, anonymousRounds: [rounds[0], { workflow: 7 }, null] })).toEqual({
      settings: { minGroup: 4, anonymousRounds: rounds },
      problems: [
        'anonymous round 2 is {"workflow":7}, not a workflow and a date',
        "anonymous round 3 is null, not a workflow and a date",
      ],
    });
    expect(readTeamSettings({ minGroup: 2, anonymousRounds: "all" }).problems).toEqual([
      'the anonymous rounds are "all", not a list',
    ]);
    expect(readTeamSettings([1])).toEqual({
      settings: DEFAULT_TEAM_SETTINGS,
      problems: ["they are [1], not a set of settings"],
    });
  });
});
