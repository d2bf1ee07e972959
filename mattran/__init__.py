"""Mattran — Kế hoạch & Báo cáo Mặt trận."""
