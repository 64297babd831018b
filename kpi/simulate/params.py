"""Parameters of the simulated contact center: its shape, mixes, queueing and planted effects."""

from __future__ import annotations

import numpy as np

from kpi.schema import INTERACTION_COLUMNS

QUEUES: tuple[str, ...] = ("Billing", "Tech Support", "Sales", "General")
CHANNELS: tuple[str, ...] = ("phone", "chat", "email")
TOPICS: tuple[str, ...] = (
    "Password reset",
    "Billing question",
    "Technical issue",
    "Dispute",
    "Order",
    "Other",
)
TEAMS: tuple[str, ...] = ("Atlas", "Beacon", "Comet", "Delta", "Echo")
AGENTS_PER_TEAM = 8
N_AGENTS = len(TEAMS) * AGENTS_PER_TEAM
N_CUSTOMERS = 150_000

BILLING, TECH, SALES, GENERAL = range(4)
PHONE, CHAT, EMAIL = range(3)

# New-issue inbound contacts on a Wednesday at the start of the period (all queues).
BASE_DAILY = 930.0
VOLUME_GROWTH = 0.25
HOLD_GROWTH = 0.30
DOW_FACTOR = np.array([1.15, 1.05, 1.0, 1.0, 0.93, 0.38, 0.27])  # Mon..Sun
QUEUE_SHARE = np.array([0.28, 0.32, 0.15, 0.25])
# channel mix per queue (phone, chat, email)
CHANNEL_MIX = np.array(
    [[0.65, 0.20, 0.15], [0.60, 0.28, 0.12], [0.75, 0.20, 0.05], [0.60, 0.22, 0.18]]
)
# topic mix per queue (order of TOPICS)
TOPIC_MIX = np.array(
    [
        [0.10, 0.60, 0.00, 0.20, 0.00, 0.10],
        [0.25, 0.00, 0.70, 0.00, 0.00, 0.05],
        [0.00, 0.10, 0.00, 0.00, 0.80, 0.10],
        [0.25, 0.15, 0.10, 0.00, 0.10, 0.40],
    ]
)
# mean talk + ACW work per topic (seconds; hold comes on top) and ceiling of the resolution rate
TOPIC_WORK = np.array([140.0, 330.0, 560.0, 700.0, 390.0, 270.0])
TOPIC_MAX_RES = np.array([0.98, 0.95, 0.92, 0.82, 0.96, 0.90])
CHANNEL_WORK = np.array([1.0, 1.3, 0.8])
CHANNEL_RATE = np.array([0.90, 0.70, 0.60])  # cost per handle minute

# queueing: typical load, mean conditional wait scale (s), mean patience (s) per queue x channel
RHO = np.array([0.87, 0.86, 0.84, 0.85])
WAIT_SCALE = np.array([80.0, 45.0, 35.0, 40.0])
PATIENCE = np.array([[200.0, 420.0], [330.0, 500.0], [300.0, 480.0], [320.0, 480.0]])
IVR_PATIENCE_FACTOR = 2.4

# Tech Support AHT target: talk and ACW multiplied by this from the target date
AHT_TARGET_FACTOR = 0.72
PRESSURE_PHI = 0.6
PRESSURE_SD = 0.10
# resolution: p = TOPIC_MAX_RES * sigmoid(RES_A + RES_B * log(work / required))
RES_A = 2.5
RES_B = 5.5
FOLLOW_UP_P = 0.75
FOLLOW_UP_DAYS = np.array([0.30, 0.22, 0.15, 0.11, 0.09, 0.07, 0.06])

ENGAGEMENT_PHI = 0.7
ENGAGEMENT_LAG = 5
ENGAGEMENT_BETA = 0.15
SURVEY_RATE = np.array([0.22, 0.20, 0.15])

HOURLY_WEEKDAY = np.zeros(24)
HOURLY_WEEKDAY[8:20] = [0.6, 1.0, 1.25, 1.2, 0.95, 1.0, 1.15, 1.1, 1.0, 0.8, 0.55, 0.4]
HOURLY_WEEKEND = np.zeros(24)
HOURLY_WEEKEND[9:17] = [0.8, 1.0, 1.1, 1.0, 0.9, 0.9, 0.8, 0.6]
HOURLY_EMAIL = np.full(24, 0.25)
HOURLY_EMAIL[7:23] = [
    0.5,
    0.8,
    1.0,
    1.1,
    1.1,
    1.0,
    1.0,
    1.1,
    1.0,
    0.9,
    0.8,
    0.7,
    0.7,
    0.6,
    0.5,
    0.4,
]

# queue -> (team indices, probabilities)
QUEUE_TEAMS = {
    BILLING: (np.array([0, 4]), np.array([0.8, 0.2])),
    TECH: (np.array([1, 2]), np.array([0.5, 0.5])),
    SALES: (np.array([3]), np.array([1.0])),
    GENERAL: (np.array([4]), np.array([1.0])),
}

COLUMNS = tuple(c.name for c in INTERACTION_COLUMNS)
