/**
 * 002's Driftbudget per area (line 1936) with Begärda BJ and a varav row, its Avvikelse and Totalt
 * written wrong: the rows the budget messages are tested on.
 */
export const AREA_TABLE_WITH_VARAV = [
  "Mnkr\tBudget 2021 (netto, inkl. godkända BJ)\tBegärda budgetjusteringar\tPrognos 2021 (före resultat- överföringar, inkl. begärda BJ)\tPrognos 2021 (efter resultat- överföringar, inkl. begärda BJ)\tAvvikelse (+/-) (inkl. begärda BJ)",
  "Nämnd och administration\t73,9\t0,0\t73,9\t73,9\t0,0",
  "Individ- ochfamiljeomsorg\t290,3\t0,0\t265,5\t264,7\t21,6",
  "<i>varav socialpsykiatri</i>\t66,4\t0,0\t66,6\t65,8\t0,6",
  "Totalt\t464,2\t0,0\t339,4\t338,6\t125,6",
].join("\n");
