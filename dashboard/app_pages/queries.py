import streamlit as st
st.title("queries")
