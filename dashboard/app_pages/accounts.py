import streamlit as st
st.title("accounts")
