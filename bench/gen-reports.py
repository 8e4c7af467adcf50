#!/usr/bin/env python3
"""bench/gen-reports.py N DIR [SEED] -- writes DIR/report-NNNN.xml, N annual
reports made from schemas/examples/report.xml with varied data: the
organisation, its people, how many measures of the plan (and their
states), the indicators' actual values, and 0-6 extra paragraphs, so the
reports run from 2 to 4 pages.  Deterministic for a given SEED.  Every
report is valid (schema and business rules): the generator keeps the
rules' conditions (a missed target has a <reason>)."""
import random
import re
import sys
from pathlib import Path

ORGS = ["колледж информационных технологий", "технологический техникум",
        "колледж строительства и архитектуры", "медицинский колледж",
        "аграрный техникум", "колледж транспорта и логистики",
        "педагогический колледж", "политехнический колледж"]
TOWNS = ["Верхнереченский", "Нижнедольский", "Северогорский", "Южноборский",
         "Приозёрный", "Лесогорский", "Краснопольский", "Белоярский"]
SURNAMES = [("Соколова", "Ирина", "Павловна"), ("Орлова", "Марина", "Викторовна"),
            ("Кузнецова", "Анна", "Сергеевна"), ("Петрова", "Ольга", "Ивановна"),
            ("Смирнова", "Елена", "Андреевна"), ("Волкова", "Наталья", "Петровна")]
MEASURES = ["Заседания Совета работодателей", "Экспертиза программ практики",
            "Открытие лаборатории сетевых технологий", "Конкурс профессионального мастерства",
            "Стажировки преподавателей на предприятиях", "День открытых дверей",
            "Ярмарка вакансий для выпускников", "Обновление учебных мастерских"]
STATES = ["done", "done", "done", "partly", "moved", "in-progress", "not-done"]
SENTENCES = [
    "Совет рассмотрел предложения работодателей по содержанию практики студентов.",
    "Представители предприятий приняли участие в итоговой аттестации выпускников.",
    "По итогам года обновлены программы двух профессиональных модулей.",
    "Работодатели предоставили оборудование для учебных мастерских колледжа.",
    "Проведены совместные семинары для преподавателей и наставников практики.",
    "Отмечено повышение интереса предприятий к целевому обучению студентов.",
]


def measure(rng, i):
    state = rng.choice(STATES)
    result = {"done": "выполнено в срок", "partly": "выполнено частично",
              "moved": "перенесено на следующий год", "in-progress": "продолжается",
              "not-done": "не выполнено из-за отсутствия финансирования"}[state]
    return (f'        <measure status="{state}">\n'
            f'          <name>{MEASURES[i % len(MEASURES)]}</name>\n'
            f'          <deadline quarter="{rng.randint(1, 4)}"/>\n'
            f'          <result>{result}</result>\n'
            f'        </measure>\n')


def report(base, rng, k):
    x = base
    org = f"ОГБПОУ «{TOWNS[k % len(TOWNS)]} {ORGS[(k // len(TOWNS)) % len(ORGS)]} № {k}»"
    x = x.replace("ОГБПОУ «Верхнереченский колледж информационных технологий»", org)
    x = x.replace("представители\n        12 предприятий",
                  f"представители\n        {rng.randint(5, 40)} предприятий")
    s, n, p = SURNAMES[k % len(SURNAMES)]
    x = x.replace("<surname>Соколова</surname><name>Ирина</name><patronymic>Павловна</patronymic>",
                  f"<surname>{s}</surname><name>{n}</name><patronymic>{p}</patronymic>")
    extra = "".join(f"      <p>{' '.join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 9)))}</p>\n"
                    for _ in range(rng.randint(0, 6)))
    x = x.replace("предприятий Верхнереченской области.</p>\n",
                  "предприятий области.</p>\n" + extra)
    ms = "".join(measure(rng, i) for i in range(rng.randint(1, 8)))
    x = re.sub(r'(<caption>Выполнение плана работы на 2024 год</caption>\n)(.*?)(        <!--)',
               lambda m: m.group(1) + ms + m.group(3), x, flags=re.S)
    x = x.replace("<actual>134</actual>", f"<actual>{rng.randint(120, 160)}</actual>")
    x = x.replace("<actual>71,5</actual>", f"<actual>{rng.randint(600, 749) / 10:.1f}</actual>".replace(".", ","))
    return x


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    base = (Path(__file__).resolve().parent.parent / "schemas/examples/report.xml").read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    for k in range(1, n + 1):
        (out / f"report-{k:04d}.xml").write_text(report(base, rng, k), encoding="utf-8")


if __name__ == "__main__":
    main()
